import type { DeploymentInfo, DeploymentTarget, ECSTaskSet } from '@aws-sdk/client-codedeploy';
import type { ServiceModel } from '../../../server/src/appspec/model';
import { scalarValue } from '../../../server/src/appspec/yaml-nodes';
import { pendingEvents } from './status';
import type { TargetCore } from './target-view';

function property(model: ServiceModel, name: string): string | undefined {
  for (const resource of model.resources) {
    for (const [key, field] of resource.propertyFields) {
      if (key.toLowerCase() !== name.toLowerCase()) continue;
      const value = scalarValue(field.value);
      if (value !== undefined && value !== null && typeof value !== 'object') return String(value);
    }
  }
  return undefined;
}

/** The single ECS service or Lambda alias target of a deployment, with every event Pending. */
export function buildServiceTarget(info: DeploymentInfo, model: ServiceModel, events: string[], region: string, cluster?: string, service?: string): DeploymentTarget {
  const base = { deploymentId: info.deploymentId, status: 'Pending' as const, lastUpdatedAt: new Date(), lifecycleEvents: pendingEvents(events) };
  if (model.platform === 'lambda') {
    const functionName = property(model, 'Name') ?? 'function';
    const alias = property(model, 'Alias') ?? 'live';
    return {
      deploymentTargetType: 'LambdaTarget',
      lambdaTarget: {
        ...base,
        targetId: `${functionName}:${alias}`,
        targetArn: `arn:aws:lambda:${region}:000000000000:function:${functionName}:${alias}`,
        lambdaFunctionInfo: { functionName, functionAlias: alias, currentVersion: property(model, 'CurrentVersion'), targetVersion: property(model, 'TargetVersion'), targetVersionWeight: 0 },
      },
    };
  }
  const taskSet = (label: 'Blue' | 'Green', weight: number): ECSTaskSet => ({
    identifer: `ecs-svc/${label === 'Blue' ? 'original' : info.deploymentId}`,
    desiredCount: 1,
    pendingCount: 0,
    runningCount: 1,
    status: label === 'Blue' ? 'PRIMARY' : 'ACTIVE',
    trafficWeight: weight,
    taskSetLabel: label,
  });
  const name = `${cluster ?? 'cluster'}:${service ?? 'service'}`;
  return {
    deploymentTargetType: 'ECSTarget',
    ecsTarget: {
      ...base,
      targetId: name,
      targetArn: `arn:aws:ecs:${region}:000000000000:service/${cluster ?? 'cluster'}/${service ?? 'service'}`,
      taskSetsInfo: [taskSet('Blue', 100), taskSet('Green', 0)],
    },
  };
}

/** Records the new version's share of production traffic on the target. */
export function setTrafficShare(target: DeploymentTarget, percent: number): void {
  const lambda = target.lambdaTarget?.lambdaFunctionInfo;
  if (lambda) lambda.targetVersionWeight = percent / 100;
  for (const taskSet of target.ecsTarget?.taskSetsInfo ?? []) {
    taskSet.trafficWeight = taskSet.taskSetLabel === 'Green' ? percent : 100 - percent;
    if (percent === 100) taskSet.status = taskSet.taskSetLabel === 'Green' ? 'PRIMARY' : 'ACTIVE';
  }
  const core = (target.lambdaTarget ?? target.ecsTarget) as TargetCore;
  core.lastUpdatedAt = new Date();
}
