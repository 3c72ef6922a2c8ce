import type { RevisionRule, Rule } from './rule';
import { structureRule } from '../schema/validate-structure';
import { versionAndOs } from './ec2/version-os';

/**
 * The registry. Order is the order diagnostics appear in for one position, so structural rules
 * (shapes and types) come before semantic ones (values and meaning), as the agent checks them.
 */
export const STRUCTURE_RULES: readonly Rule[] = [structureRule];

export const SEMANTIC_RULES: readonly Rule[] = [versionAndOs];

export const REVISION_RULES: readonly RevisionRule[] = [];
