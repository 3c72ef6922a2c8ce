import type { Rule } from '../rule';
import { ecsProperties } from './ecs-properties';
import { serviceHooks } from './hooks';
import { serviceIgnoredSections } from './ignored-sections';
import { keyCase } from './key-case';
import { lambdaVersions } from './lambda-versions';
import { resourceCount } from './resources';
import { taskDefinition } from './task-definition';
import { serviceVersion } from './version';

/** Amazon ECS and AWS Lambda semantic rules, in the order their findings read best: top level, resources, hooks. */
export const SERVICE_RULES: readonly Rule[] = [serviceVersion, serviceIgnoredSections, keyCase, resourceCount, taskDefinition, ecsProperties, lambdaVersions, serviceHooks];
