/**
 * The contract between the local endpoint (which orchestrates deployments) and the local agent
 * (which runs one deployment's lifecycle on one instance folder, as the real CodeDeploy agent does).
 */

export type FileExistsBehavior = 'DISALLOW' | 'OVERWRITE' | 'RETAIN';

export type BundleType = 'zip' | 'tar' | 'tgz';

/** The statuses BatchGetDeploymentTargets reports for a lifecycle event. */
export type LifecycleEventStatus = 'Pending' | 'InProgress' | 'Succeeded' | 'Failed' | 'Skipped' | 'Unknown';

/** The API's LifecycleErrorCode values (the agent's codes 0–7 map onto these). */
export type LifecycleErrorCode = 'Success' | 'ScriptMissing' | 'ScriptNotExecutable' | 'ScriptTimedOut' | 'ScriptFailed' | 'UnknownError';

/** Exactly the shape of a lifecycle event's `diagnostics` in BatchGetDeploymentTargets. */
export interface LifecycleEventDiagnostics {
  errorCode: LifecycleErrorCode;
  scriptName: string;
  message: string;
  /** The last 4 KB of the scripts' output for this event. */
  logTail: string;
}

export interface LifecycleEventResult {
  lifecycleEventName: string;
  status: LifecycleEventStatus;
  startTime?: Date;
  endTime?: Date;
  diagnostics?: LifecycleEventDiagnostics;
}

export interface InstanceDeploymentRequest {
  deploymentId: string;
  applicationName: string;
  deploymentGroupName: string;
  deploymentGroupId: string;
  /**
   * The instance's own folder. Destinations are re-rooted under `<instanceDir>/root`
   * (`/srv/app` → `<instanceDir>/root/srv/app`); the agent keeps its state (archives, last
   * successful revision per group, cleanup lists, scripts.log) under `<instanceDir>/agent`.
   * Nothing outside instanceDir is ever written.
   */
  instanceDir: string;
  /** The revision archive, already downloaded to a local file. */
  bundlePath: string;
  bundleType: BundleType;
  /** BUNDLE_BUCKET, BUNDLE_KEY, BUNDLE_VERSION, BUNDLE_ETAG as they apply. */
  revisionEnvironment: Record<string, string>;
  /** The deployment's default; an AppSpec `file_exists_behavior` wins over it. */
  fileExistsBehavior: FileExistsBehavior;
  ignoreApplicationStopFailures: boolean;
  /** Events to run, in order, reserved ones included (DownloadBundle, Install, BlockTraffic, AllowTraffic). */
  events: readonly string[];
  /** Aborting stops the running script's process group; remaining events are Skipped. */
  signal: AbortSignal;
  /** Called when an event starts (InProgress) and again when it ends. */
  onEvent(result: LifecycleEventResult): void;
}

export interface InstanceDeploymentOutcome {
  status: 'Succeeded' | 'Failed' | 'Stopped';
  events: LifecycleEventResult[];
}

export interface InstanceAgent {
  deploy(request: InstanceDeploymentRequest): Promise<InstanceDeploymentOutcome>;
}
