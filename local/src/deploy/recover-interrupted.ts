import { ACTIVE_STATUSES } from '../api/deployments';
import type { LocalState } from '../state/types';
import { finishDeployment, refreshOverview, setTargetStatus } from './status';
import { targetCore } from './target-view';

const RESTART_MESSAGE =
  'The local CodeDeploy stopped while this deployment was in progress, so it cannot finish (like an agent restart during a deployment). Create a new deployment.';

/**
 * Ends every deployment that was running when the endpoint last stopped: Failed, with the event
 * that was running marked Failed (UnknownError) and everything after it Skipped. Returns their ids.
 */
export function failInterruptedDeployments(state: LocalState): string[] {
  const ended: string[] = [];
  for (const record of Object.values(state.deployments)) {
    if (!ACTIVE_STATUSES.includes(record.info.status!)) continue;
    const now = new Date();
    for (const target of record.targets) {
      const core = targetCore(target);
      if (core.status !== 'InProgress' && core.status !== 'Pending' && core.status !== 'Ready') continue;
      const wasRunning = core.status === 'InProgress';
      for (const event of core.lifecycleEvents ?? []) {
        if (event.status === 'InProgress') {
          event.status = 'Failed';
          event.endTime = now;
          event.diagnostics = { errorCode: 'UnknownError', scriptName: '', message: 'Failed after restart: the local CodeDeploy stopped while this event was running.', logTail: '' };
        } else if (event.status === 'Pending') event.status = 'Skipped';
      }
      setTargetStatus(core, wasRunning ? 'Failed' : 'Skipped');
    }
    refreshOverview(record);
    finishDeployment(state, record, 'Failed', { code: 'AGENT_ISSUE', message: RESTART_MESSAGE });
    ended.push(record.info.deploymentId!);
  }
  return ended;
}
