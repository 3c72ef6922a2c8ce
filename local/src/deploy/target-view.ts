import type { DeploymentTarget, InstanceSummary, LifecycleEvent, TargetStatus } from '@aws-sdk/client-codedeploy';

/** The per-target part every target kind shares (instance, ECS, Lambda). */
export interface TargetCore {
  targetId?: string;
  status?: TargetStatus;
  lastUpdatedAt?: Date;
  lifecycleEvents?: LifecycleEvent[];
}

/** The kind-specific member of a DeploymentTarget, whichever it is. */
export function targetCore(target: DeploymentTarget): TargetCore {
  return (target.instanceTarget ?? target.ecsTarget ?? target.lambdaTarget ?? target.cloudFormationTarget ?? {}) as TargetCore;
}

/** The deprecated per-instance view (ListDeploymentInstances / BatchGetDeploymentInstances). */
export function instanceSummary(target: DeploymentTarget): InstanceSummary {
  const instance = target.instanceTarget!;
  return {
    deploymentId: instance.deploymentId,
    instanceId: instance.targetId,
    status: instance.status as InstanceSummary['status'],
    lastUpdatedAt: instance.lastUpdatedAt,
    lifecycleEvents: instance.lifecycleEvents,
    instanceType: instance.instanceLabel === 'Green' ? 'Green' : 'Blue',
  };
}
