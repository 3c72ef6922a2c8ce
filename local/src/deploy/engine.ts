import type { DeploymentRunner } from '../api/context';
import { createRollback, wantsRollback } from './rollback';
import type { Run, RunEnvironment } from './run';
import { runServerDeployment } from './server-rollout';
import { runServiceDeployment } from './service-rollout';
import { finishDeployment } from './status';

/**
 * Runs deployments in the background and gives the API its levers (stop, continue, hook
 * verdicts). Each deployment is one async task; a failure or stop may chain a rollback deployment.
 */
export class DeploymentEngine implements DeploymentRunner {
  private readonly runs = new Map<string, Run>();
  private readonly tasks = new Set<Promise<void>>();
  private closed = false;

  constructor(private readonly env: RunEnvironment) {}

  start(record: Run['record']): void {
    if (this.closed) return;
    const run: Run = { record, abort: new AbortController(), hooks: new Map() };
    this.runs.set(record.info.deploymentId!, run);
    const task: Promise<void> = this.execute(run).finally(() => {
      this.runs.delete(record.info.deploymentId!);
      this.tasks.delete(task);
    });
    this.tasks.add(task);
  }

  stop(deploymentId: string, autoRollbackEnabled: boolean): 'Pending' | 'Succeeded' {
    const run = this.runs.get(deploymentId);
    if (!run) return 'Succeeded';
    run.stopRequested = { autoRollback: autoRollbackEnabled };
    run.abort.abort();
    run.release?.();
    return 'Pending';
  }

  continue(deploymentId: string): void {
    this.runs.get(deploymentId)?.release?.();
  }

  reportHook(deploymentId: string, executionId: string, status: 'Succeeded' | 'Failed'): boolean {
    const resolve = this.runs.get(deploymentId)?.hooks.get(executionId);
    resolve?.(status);
    return resolve !== undefined;
  }

  /** Aborts every running deployment and waits for them to wind down (their state is no longer saved). */
  async close(): Promise<void> {
    this.closed = true;
    for (const run of this.runs.values()) run.abort.abort();
    await Promise.allSettled([...this.tasks]);
  }

  private async execute(run: Run): Promise<void> {
    const { store } = this.env;
    try {
      if ((run.record.info.computePlatform ?? 'Server') === 'Server') await runServerDeployment(this.env, run);
      else await runServiceDeployment(this.env, run);
    } catch (error) {
      this.env.log(`deployment ${run.record.info.deploymentId} crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      finishDeployment(store.state, run.record, 'Failed', { code: 'INTERNAL_ERROR', message: 'The local CodeDeploy hit an internal error running this deployment.' });
    }
    store.changed();
    if (this.closed || !wantsRollback(run.record, run.stopRequested)) return;
    const rollback = createRollback(store.state, run.record);
    store.changed();
    if (rollback) this.start(rollback);
  }
}
