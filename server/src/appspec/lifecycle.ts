import type { Platform } from './types';

/** One lifecycle event as a platform runs it. The single source for rules, completion, hover and the local agent. */
export interface LifecycleEvent {
  name: string;
  /** False for events CodeDeploy runs itself (DownloadBundle, Install, BlockTraffic, AllowTraffic). */
  scriptable: boolean;
  /** Traffic events run only with a load balancer (in-place) or in blue/green deployments. */
  traffic: boolean;
  /** Which revision's AppSpec and scripts the event uses on an EC2 instance. */
  revision: 'new' | 'last-successful';
  description: string;
}

function event(name: string, scriptable: boolean, description: string, extra: Partial<LifecycleEvent> = {}): LifecycleEvent {
  return { name, scriptable, traffic: false, revision: 'new', description, ...extra };
}

/**
 * EC2/On-Premises events in the order an in-place deployment with a load balancer runs them
 * (appspec-rules.md §10.2). Without a load balancer the six traffic events are left out.
 */
export const EC2_EVENTS: readonly LifecycleEvent[] = [
  event('BeforeBlockTraffic', true, 'Runs before the instance is deregistered from the load balancer.', { traffic: true, revision: 'last-successful' }),
  event('BlockTraffic', false, 'CodeDeploy deregisters the instance from the load balancer. Reserved: no scripts.', { traffic: true }),
  event('AfterBlockTraffic', true, 'Runs after the instance is deregistered from the load balancer.', { traffic: true, revision: 'last-successful' }),
  event('ApplicationStop', true, 'Stops the running application before the new revision is downloaded. Does not run on the first deployment to an instance.', { revision: 'last-successful' }),
  event('DownloadBundle', false, 'The agent copies the revision to a temporary folder on the instance. Reserved: no scripts.'),
  event('BeforeInstall', true, 'Pre-install work: decrypt files, back up the current version.'),
  event('Install', false, 'The agent copies the revision\'s files to their destinations. Reserved: no scripts.'),
  event('AfterInstall', true, 'Configures the application or changes file permissions after the files are in place.'),
  event('ApplicationStart', true, 'Restarts services that ApplicationStop stopped.'),
  event('ValidateService', true, 'The last event of the install: verify the deployment succeeded.'),
  event('BeforeAllowTraffic', true, 'Runs before the instance is registered with the load balancer.', { traffic: true }),
  event('AllowTraffic', false, 'CodeDeploy registers the instance with the load balancer. Reserved: no scripts.', { traffic: true }),
  event('AfterAllowTraffic', true, 'Runs after the instance is registered with the load balancer.', { traffic: true }),
];

/** Amazon ECS events in order (§10.3); hooks name Lambda functions. */
export const ECS_EVENTS: readonly LifecycleEvent[] = [
  event('BeforeInstall', true, 'Runs before the replacement task set is created. Cannot trigger a rollback.'),
  event('Install', false, 'CodeDeploy creates the replacement task set. Reserved: no hook.'),
  event('AfterInstall', true, 'Runs after the replacement task set is created and the target group is attached.'),
  event('AllowTestTraffic', false, 'CodeDeploy routes the test listener to the replacement task set. Reserved: no hook.', { traffic: true }),
  event('AfterAllowTestTraffic', true, 'Runs after the test listener serves the replacement task set. Ignored without a test listener.', { traffic: true }),
  event('BeforeAllowTraffic', true, 'Runs before production traffic shifts to the replacement task set.', { traffic: true }),
  event('AllowTraffic', false, 'CodeDeploy shifts production traffic. Reserved: no hook.', { traffic: true }),
  event('AfterAllowTraffic', true, 'Runs after production traffic has shifted.', { traffic: true }),
];

/** AWS Lambda events in order (§10.4). */
export const LAMBDA_EVENTS: readonly LifecycleEvent[] = [
  event('BeforeAllowTraffic', true, 'Runs before traffic shifts to the target version of the alias.', { traffic: true }),
  event('AllowTraffic', false, 'CodeDeploy shifts the alias to the target version. Reserved: no hook.', { traffic: true }),
  event('AfterAllowTraffic', true, 'Runs after all traffic has shifted to the target version.', { traffic: true }),
];

export const EVENTS_BY_PLATFORM: Readonly<Record<Platform, readonly LifecycleEvent[]>> = {
  ec2: EC2_EVENTS,
  ecs: ECS_EVENTS,
  lambda: LAMBDA_EVENTS,
};

export function findEvent(platform: Platform, name: string): LifecycleEvent | undefined {
  return EVENTS_BY_PLATFORM[platform].find((candidate) => candidate.name === name);
}

/** Event names that can carry scripts or hook functions on a platform, in lifecycle order. */
export function hookableEventNames(platform: Platform): string[] {
  return EVENTS_BY_PLATFORM[platform].filter((candidate) => candidate.scriptable).map((candidate) => candidate.name);
}

/** The platforms other than `platform` on which `name` is a hookable event (for "this is an ECS event" messages). */
export function platformsWithEvent(name: string): Platform[] {
  return (Object.keys(EVENTS_BY_PLATFORM) as Platform[]).filter((platform) => hookableEventNames(platform).includes(name));
}

/** True for a lifecycle event of any platform, reserved ones included. */
export function isLifecycleEventName(name: string): boolean {
  return Object.values(EVENTS_BY_PLATFORM).some((events) => events.some((candidate) => candidate.name === name));
}

/** Default and ceiling of a script's timeout, and the lifecycle event's own limit (§16). */
export const DEFAULT_SCRIPT_TIMEOUT_SECONDS = 3600;
export const LIFECYCLE_EVENT_LIMIT_SECONDS = 3600;

/** Environment variables the agent exports to every hook script (§9.1). */
export const SCRIPT_ENVIRONMENT: ReadonlyArray<{ name: string; description: string }> = [
  { name: 'LIFECYCLE_EVENT', description: 'The lifecycle event running the script, e.g. AfterInstall.' },
  { name: 'DEPLOYMENT_ID', description: 'The deployment ID (d-XXXXXXXXX).' },
  { name: 'APPLICATION_NAME', description: 'The CodeDeploy application name.' },
  { name: 'DEPLOYMENT_GROUP_NAME', description: 'The deployment group name.' },
  { name: 'DEPLOYMENT_GROUP_ID', description: 'The deployment group ID.' },
  { name: 'BUNDLE_BUCKET', description: 'S3 revisions: the bucket of the bundle.' },
  { name: 'BUNDLE_KEY', description: 'S3 revisions: the object key of the bundle.' },
  { name: 'BUNDLE_VERSION', description: 'S3 revisions with versioning: the object version.' },
  { name: 'BUNDLE_ETAG', description: 'S3 revisions, when the deployment carries one: the object ETag.' },
  { name: 'BUNDLE_COMMIT', description: 'GitHub revisions: the commit ID.' },
];
