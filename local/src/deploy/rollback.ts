import type { DeploymentInfo } from '@aws-sdk/client-codedeploy';
import { newDeploymentId } from '../api/deployments';
import type { DeploymentRecord, LocalState } from '../state/types';
import { groupOf } from './status';

/** True when a deployment that ended this way should be rolled back automatically. */
export function wantsRollback(record: DeploymentRecord, stopRequest: { autoRollback: boolean } | undefined): boolean {
  const info = record.info;
  if (info.creator === 'codeDeployRollback') return false;
  if (info.status === 'Stopped') return stopRequest?.autoRollback === true;
  if (info.status !== 'Failed') return false;
  const config = info.autoRollbackConfiguration;
  return config?.enabled === true && (config.events ?? []).includes('DEPLOYMENT_FAILURE');
}

/**
 * Creates the rollback deployment: a new deployment of the group's last successful revision,
 * linked both ways through `rollbackInfo`. Returns it, or undefined (with the reason recorded on
 * the failed deployment) when the group has never succeeded.
 */
export function createRollback(state: LocalState, failed: DeploymentRecord): DeploymentRecord | undefined {
  const group = groupOf(state, failed);
  const lastId = group?.lastSuccessfulDeployment?.deploymentId;
  const last = lastId ? state.deployments[lastId] : undefined;
  if (!group || !last?.info.revision) {
    failed.info.rollbackInfo = { rollbackMessage: 'Automatic rollback was not performed: the deployment group has no previous successful revision.' };
    return undefined;
  }
  const deploymentId = newDeploymentId();
  const source = failed.info;
  const info: DeploymentInfo = {
    applicationName: source.applicationName,
    deploymentGroupName: source.deploymentGroupName,
    deploymentConfigName: source.deploymentConfigName,
    deploymentId,
    previousRevision: structuredClone(source.revision),
    revision: structuredClone(last.info.revision),
    status: 'Created',
    createTime: new Date(),
    deploymentOverview: { Pending: 0, InProgress: 0, Succeeded: 0, Failed: 0, Skipped: 0, Ready: 0 },
    description: `Rollback of ${source.deploymentId}`,
    creator: 'codeDeployRollback',
    ignoreApplicationStopFailures: source.ignoreApplicationStopFailures,
    autoRollbackConfiguration: structuredClone(source.autoRollbackConfiguration),
    updateOutdatedInstancesOnly: false,
    rollbackInfo: { rollbackTriggeringDeploymentId: source.deploymentId, rollbackMessage: `Rollback of deployment ${source.deploymentId} to revision of ${lastId}` },
    deploymentStyle: structuredClone(source.deploymentStyle),
    loadBalancerInfo: structuredClone(source.loadBalancerInfo),
    blueGreenDeploymentConfiguration: structuredClone(source.blueGreenDeploymentConfiguration),
    instanceTerminationWaitTimeStarted: false,
    fileExistsBehavior: 'OVERWRITE',
    computePlatform: source.computePlatform,
    deploymentStatusMessages: [],
  };
  const record: DeploymentRecord = { info, targets: [] };
  state.deployments[deploymentId] = record;
  source.rollbackInfo = { rollbackDeploymentId: deploymentId, rollbackMessage: `Automatic rollback started: ${deploymentId}` };
  group.lastAttemptedDeployment = { deploymentId, status: 'Created', createTime: info.createTime };
  return record;
}
