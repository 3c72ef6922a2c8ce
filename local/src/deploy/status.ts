import type { DeploymentGroupInfo, DeploymentStatus, ErrorCode, LifecycleEvent, TargetStatus } from '@aws-sdk/client-codedeploy';
import type { DeploymentRecord, LocalState } from '../state/types';
import { targetCore, type TargetCore } from './target-view';

/** Pending lifecycle entries for a new target. */
export function pendingEvents(names: readonly string[]): LifecycleEvent[] {
  return names.map((lifecycleEventName) => ({ lifecycleEventName, status: 'Pending' }));
}

/** Recomputes `deploymentOverview` from the targets' statuses. */
export function refreshOverview(record: DeploymentRecord): void {
  const overview = { Pending: 0, InProgress: 0, Succeeded: 0, Failed: 0, Skipped: 0, Ready: 0 };
  for (const target of record.targets) {
    const status = targetCore(target).status;
    if (status && status in overview) overview[status as keyof typeof overview] += 1;
  }
  record.info.deploymentOverview = overview;
}

/** Sets a target's status and its lastUpdatedAt. */
export function setTargetStatus(target: TargetCore, status: TargetStatus): void {
  target.status = status;
  target.lastUpdatedAt = new Date();
}

/** Marks a target that never ran (or was cut short): unfinished events become Skipped. */
export function skipTarget(target: TargetCore, status: TargetStatus = 'Skipped'): void {
  for (const event of target.lifecycleEvents ?? []) {
    if (event.status === 'Pending' || event.status === 'InProgress') event.status = 'Skipped';
  }
  setTargetStatus(target, status);
}

/** The group that owns a deployment, if it still exists. */
export function groupOf(state: LocalState, record: DeploymentRecord): DeploymentGroupInfo | undefined {
  return Object.values(state.groups).find(
    (group) => group.applicationName === record.info.applicationName && group.deploymentGroupName === record.info.deploymentGroupName,
  );
}

/** Ends a deployment: final status, error, completeTime, and the group's last attempted/successful deployment. */
export function finishDeployment(state: LocalState, record: DeploymentRecord, status: DeploymentStatus, error?: { code: ErrorCode; message: string }): void {
  const info = record.info;
  info.status = status;
  info.completeTime = new Date();
  if (error) info.errorInformation = error;
  refreshOverview(record);
  const group = groupOf(state, record);
  if (!group) return;
  const summary = { deploymentId: info.deploymentId, status, endTime: info.completeTime, createTime: info.createTime };
  group.lastAttemptedDeployment = summary;
  if (status === 'Succeeded') group.lastSuccessfulDeployment = summary;
}
