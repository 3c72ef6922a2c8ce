import type { RevisionRule, Rule } from './rule';
import { structureRule } from '../schema/validate-structure';
import { destinations } from './ec2/destinations';
import { duplicateFileMappings } from './ec2/duplicate-file-mappings';
import { fileExistsBehavior } from './ec2/file-exists-behavior';
import { hookNames } from './ec2/hook-names';
import { ignoredSections as ec2IgnoredSections } from './ec2/ignored-sections';
import { osPathMismatch } from './ec2/os-path-mismatch';
import { permissionAcls } from './ec2/permission-acls';
import { permissionContext } from './ec2/permission-context';
import { permissionMode } from './ec2/permission-mode';
import { permissionPatterns } from './ec2/permission-patterns';
import { permissionsOnWindows } from './ec2/permissions-on-windows';
import { quotedBackslashes } from './ec2/quoted-backslashes';
import { scriptLocation } from './ec2/script-location';
import { timeouts } from './ec2/timeouts';
import { versionAndOs } from './ec2/version-os';
import { windowsRunas } from './ec2/windows-runas';
import { misplacedEvents } from './misplaced-events';
import { SERVICE_RULES } from './service/index';
import { copyConflicts } from './revision/copy-conflicts';
import { filePermissions } from './revision/file-permissions';
import { permissionOverlaps } from './revision/permission-overlaps';
import { fileSources } from './revision/file-sources';
import { hookScripts } from './revision/hook-scripts';

/**
 * The registry. Order is the order diagnostics appear in for one position, so structural rules
 * (shapes and types) come before semantic ones (values and meaning), as the agent checks them.
 * Each rule declares its platforms; analyze.ts runs those that match the detected one.
 */
export const STRUCTURE_RULES: readonly Rule[] = [structureRule, misplacedEvents];

export const SEMANTIC_RULES: readonly Rule[] = [
  // EC2/On-Premises, in the agent's order: version, os, hooks, files, permissions, file_exists_behavior
  versionAndOs,
  ec2IgnoredSections,
  fileExistsBehavior,
  destinations,
  duplicateFileMappings,
  osPathMismatch,
  quotedBackslashes,
  permissionsOnWindows,
  permissionMode,
  permissionPatterns,
  permissionAcls,
  permissionContext,
  hookNames,
  scriptLocation,
  timeouts,
  windowsRunas,
  // Amazon ECS and AWS Lambda (rules/service/index.ts)
  ...SERVICE_RULES,
];

export const REVISION_RULES: readonly RevisionRule[] = [hookScripts, fileSources, copyConflicts, filePermissions, permissionOverlaps];
