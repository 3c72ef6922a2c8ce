import type { DeploymentConfigInfo } from '@aws-sdk/client-codedeploy';
import type { LocalState } from '../state/types';
import { PREDEFINED_CONFIGS } from './predefined-configs';

/** A predefined or custom configuration by name, if it (still) exists. */
export function configByName(state: LocalState, name: string | undefined): DeploymentConfigInfo | undefined {
  if (!name) return undefined;
  return PREDEFINED_CONFIGS.find((config) => config.deploymentConfigName === name) ?? state.configs[name];
}
