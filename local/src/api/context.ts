import type { ApplicationInfo, DeploymentConfigInfo, DeploymentGroupInfo } from '@aws-sdk/client-codedeploy';
import { PREDEFINED_CONFIGS } from '../deploy/predefined-configs';
import { fail } from '../server/api-error';
import type { Store } from '../state/store';
import type { DeploymentRecord } from '../state/types';

/** What the API layer asks of the deployment engine. */
export interface DeploymentRunner {
  /** Starts running a deployment that was just stored with status Created. */
  start(record: DeploymentRecord): void;
  /** Stops a running deployment; `Pending` while in-flight instances wind down. */
  stop(deploymentId: string, autoRollbackEnabled: boolean): 'Pending' | 'Succeeded';
  /** Releases a deployment waiting in the Ready state. */
  continue(deploymentId: string): void;
  /** Records a hook function's verdict (PutLifecycleEventHookExecutionStatus). */
  reportHook(deploymentId: string, executionId: string, status: 'Succeeded' | 'Failed'): boolean;
}

/** Shared by every operation module. */
export interface ApiContext {
  store: Store;
  runner: DeploymentRunner;
  /** Folder holding on-premises instance folders. */
  instancesDir: string;
}

/** The application, or ApplicationDoesNotExistException. */
export function findApplication(context: ApiContext, name: string): ApplicationInfo {
  const application = context.store.state.applications[name];
  if (!application) fail('ApplicationDoesNotExistException', `No application found for name: ${name}`);
  return application;
}

/** The group of an application by name, if any. */
export function lookupGroup(context: ApiContext, applicationName: string, groupName: string): DeploymentGroupInfo | undefined {
  return Object.values(context.store.state.groups).find(
    (group) => group.applicationName === applicationName && group.deploymentGroupName === groupName,
  );
}

/** The group, or DeploymentGroupDoesNotExistException. */
export function findGroup(context: ApiContext, applicationName: string, groupName: string): DeploymentGroupInfo {
  const group = lookupGroup(context, applicationName, groupName);
  if (!group) fail('DeploymentGroupDoesNotExistException', `No Deployment Group found for name: ${groupName}`);
  return group;
}

/** A predefined or custom configuration by name, if any. */
export function lookupConfig(context: ApiContext, name: string): DeploymentConfigInfo | undefined {
  return PREDEFINED_CONFIGS.find((config) => config.deploymentConfigName === name) ?? context.store.state.configs[name];
}

/** The configuration, or DeploymentConfigDoesNotExistException. */
export function findConfig(context: ApiContext, name: string): DeploymentConfigInfo {
  const config = lookupConfig(context, name);
  if (!config) fail('DeploymentConfigDoesNotExistException', `No deployment configuration found for name: ${name}`);
  return config;
}

/** The deployment, with the service's id checks. */
export function findDeployment(context: ApiContext, deploymentId: string | undefined): DeploymentRecord {
  if (!deploymentId) fail('DeploymentIdRequiredException', 'Deployment ID is missing');
  if (!/^d-[A-Z0-9]{9}$/.test(deploymentId)) fail('InvalidDeploymentIdException', `Specified DeploymentId is not in the valid format: ${deploymentId}`);
  const record = context.store.state.deployments[deploymentId];
  if (!record) fail('DeploymentDoesNotExistException', `Deployment ${deploymentId} does not exist`);
  return record;
}

/** A deep copy of stored data, so callers can never mutate the state through a response. */
export function copy<T>(value: T): T {
  return structuredClone(value);
}
