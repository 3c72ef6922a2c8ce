import type { InstanceAgent } from '../agent/types';
import type { BundleStore } from '../s3/bundle-download';
import type { Store } from '../state/store';
import type { DeploymentRecord } from '../state/types';

/** What a rollout needs from the endpoint. */
export interface RunEnvironment {
  store: Store;
  /** The per-instance agent; without one, EC2/On-premises deployments fail with a clear error. */
  agent?: InstanceAgent;
  bundles: BundleStore;
  /** Where downloaded bundles are kept, one folder per deployment. */
  bundlesDir: string;
  instancesDir: string;
  /** Folder of local executables standing in for ECS/Lambda hook functions. */
  functionsDir: string;
  /**
   * Extra environment for hook functions: endpoint URLs, credentials file and region, so an AWS SDK
   * or CLI inside a hook reaches this endpoint (e.g. to call PutLifecycleEventHookExecutionStatus).
   * Filled in once the listeners are up.
   */
  hookEnvironment: Record<string, string>;
  /** Multiplies every simulated wait (canary/linear intervals): 0.001 makes 10 minutes 0.6 s. */
  timeScale: number;
  log(line: string): void;
}

/** One running deployment and the levers the API pulls on it. */
export interface Run {
  record: DeploymentRecord;
  /** Aborted by StopDeployment (or shutdown): agents stop their scripts, waits end. */
  abort: AbortController;
  stopRequested?: { autoRollback: boolean };
  /** Set while the deployment waits in Ready for ContinueDeployment. */
  release?: () => void;
  /** Hook executions waiting for PutLifecycleEventHookExecutionStatus, by execution id. */
  hooks: Map<string, (status: 'Succeeded' | 'Failed') => void>;
}

/** Resolves after `ms` or as soon as the signal aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
