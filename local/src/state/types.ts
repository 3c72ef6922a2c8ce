import type {
  ApplicationInfo,
  DeploymentConfigInfo,
  DeploymentGroupInfo,
  DeploymentInfo,
  DeploymentTarget,
  GenericRevisionInfo,
  InstanceInfo,
  RevisionLocation,
} from '@aws-sdk/client-codedeploy';

/** A registered revision of one application; `key` identifies its location. */
export interface RevisionRecord {
  applicationName: string;
  key: string;
  location: RevisionLocation;
  info: GenericRevisionInfo;
}

/** A deployment with its targets, in the service's own shapes. */
export interface DeploymentRecord {
  info: DeploymentInfo;
  targets: DeploymentTarget[];
}

/**
 * Everything the endpoint knows, kept in the shapes the API returns (the SDK's model types), so
 * handlers hand out copies instead of converting. Keyed by name or id; lists are sorted on output.
 */
export interface LocalState {
  applications: Record<string, ApplicationInfo>;
  /** Keyed by deploymentGroupId. */
  groups: Record<string, DeploymentGroupInfo>;
  /** Custom configurations only; the predefined ones are constants. */
  configs: Record<string, DeploymentConfigInfo>;
  revisions: RevisionRecord[];
  deployments: Record<string, DeploymentRecord>;
  /** On-premises instances by name; each one is a folder under `<data>/instances`. */
  instances: Record<string, InstanceInfo>;
}

/** An empty state for a fresh data folder. */
export function emptyState(): LocalState {
  return { applications: {}, groups: {}, configs: {}, revisions: [], deployments: {}, instances: {} };
}
