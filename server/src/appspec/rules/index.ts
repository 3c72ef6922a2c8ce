import type { RevisionRule, Rule } from './rule';
import { structureRule } from '../schema/validate-structure';
import { versionAndOs } from './ec2/version-os';
import { ecsProperties } from './service/ecs-properties';
import { serviceHooks } from './service/hooks';
import { ignoredSections } from './service/ignored-sections';
import { keyCase } from './service/key-case';
import { lambdaVersions } from './service/lambda-versions';
import { resourceCount } from './service/resources';
import { serviceVersion } from './service/version';

/**
 * The registry. Order is the order diagnostics appear in for one position, so structural rules
 * (shapes and types) come before semantic ones (values and meaning), as the agent checks them.
 */
export const STRUCTURE_RULES: readonly Rule[] = [structureRule];

export const SEMANTIC_RULES: readonly Rule[] = [versionAndOs, serviceVersion, ignoredSections, keyCase, resourceCount, ecsProperties, lambdaVersions, serviceHooks];

export const REVISION_RULES: readonly RevisionRule[] = [];
