import { createHash } from 'node:crypto';
import type { ComputePlatform, DeploymentConfigInfo, MinimumHealthyHostsType, TrafficRoutingConfig } from '@aws-sdk/client-codedeploy';

/** The service reports OneAtATime with a type clients cannot set themselves. */
export const MOST_CONCURRENCY = 'MOST_CONCURRENCY' as MinimumHealthyHostsType;

const CREATED = new Date(Date.UTC(2014, 10, 12));

function stableId(name: string): string {
  const hex = createHash('sha256').update(name).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

function config(name: string, computePlatform: ComputePlatform, extra: Partial<DeploymentConfigInfo>): DeploymentConfigInfo {
  return { deploymentConfigId: stableId(name), deploymentConfigName: name, createTime: CREATED, computePlatform, ...extra };
}

function canary(percentage: number, interval: number): TrafficRoutingConfig {
  return { type: 'TimeBasedCanary', timeBasedCanary: { canaryPercentage: percentage, canaryInterval: interval } };
}

function linear(percentage: number, interval: number): TrafficRoutingConfig {
  return { type: 'TimeBasedLinear', timeBasedLinear: { linearPercentage: percentage, linearInterval: interval } };
}

const ALL_AT_ONCE: TrafficRoutingConfig = { type: 'AllAtOnce' };

/** Every CodeDeployDefault.* configuration (appspec-rules.md §15), as GetDeploymentConfig reports them. */
export const PREDEFINED_CONFIGS: readonly DeploymentConfigInfo[] = [
  config('CodeDeployDefault.OneAtATime', 'Server', { minimumHealthyHosts: { type: MOST_CONCURRENCY, value: 1 } }),
  config('CodeDeployDefault.HalfAtATime', 'Server', { minimumHealthyHosts: { type: 'FLEET_PERCENT', value: 50 } }),
  config('CodeDeployDefault.AllAtOnce', 'Server', { minimumHealthyHosts: { type: 'HOST_COUNT', value: 0 } }),
  config('CodeDeployDefault.ECSAllAtOnce', 'ECS', { trafficRoutingConfig: ALL_AT_ONCE }),
  config('CodeDeployDefault.ECSLinear10PercentEvery1Minutes', 'ECS', { trafficRoutingConfig: linear(10, 1) }),
  config('CodeDeployDefault.ECSLinear10PercentEvery3Minutes', 'ECS', { trafficRoutingConfig: linear(10, 3) }),
  config('CodeDeployDefault.ECSCanary10Percent5Minutes', 'ECS', { trafficRoutingConfig: canary(10, 5) }),
  config('CodeDeployDefault.ECSCanary10Percent15Minutes', 'ECS', { trafficRoutingConfig: canary(10, 15) }),
  config('CodeDeployDefault.LambdaAllAtOnce', 'Lambda', { trafficRoutingConfig: ALL_AT_ONCE }),
  config('CodeDeployDefault.LambdaCanary10Percent5Minutes', 'Lambda', { trafficRoutingConfig: canary(10, 5) }),
  config('CodeDeployDefault.LambdaCanary10Percent10Minutes', 'Lambda', { trafficRoutingConfig: canary(10, 10) }),
  config('CodeDeployDefault.LambdaCanary10Percent15Minutes', 'Lambda', { trafficRoutingConfig: canary(10, 15) }),
  config('CodeDeployDefault.LambdaCanary10Percent30Minutes', 'Lambda', { trafficRoutingConfig: canary(10, 30) }),
  config('CodeDeployDefault.LambdaLinear10PercentEvery1Minute', 'Lambda', { trafficRoutingConfig: linear(10, 1) }),
  config('CodeDeployDefault.LambdaLinear10PercentEvery2Minutes', 'Lambda', { trafficRoutingConfig: linear(10, 2) }),
  config('CodeDeployDefault.LambdaLinear10PercentEvery3Minutes', 'Lambda', { trafficRoutingConfig: linear(10, 3) }),
  config('CodeDeployDefault.LambdaLinear10PercentEvery10Minutes', 'Lambda', { trafficRoutingConfig: linear(10, 10) }),
];

/** The configuration a deployment group or deployment uses when none is named. */
export function defaultConfigName(platform: ComputePlatform): string {
  if (platform === 'ECS') return 'CodeDeployDefault.ECSAllAtOnce';
  if (platform === 'Lambda') return 'CodeDeployDefault.LambdaAllAtOnce';
  return 'CodeDeployDefault.OneAtATime';
}
