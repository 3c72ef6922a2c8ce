import type {
  AutoRollbackConfiguration,
  BlueGreenDeploymentConfiguration,
  ComputePlatform,
  DeploymentGroupInfo,
  DeploymentStyle,
  ECSService,
  LoadBalancerInfo,
  OnPremisesTagSet,
  RevisionLocation,
  TagFilter,
} from '@aws-sdk/client-codedeploy';
import { fail } from '../server/api-error';
import { asShape, optObject, optObjectList, optString, type Input } from '../server/input';

const TAG_FILTER_TYPES = ['KEY_ONLY', 'VALUE_ONLY', 'KEY_AND_VALUE'];
const ROLLBACK_EVENTS = ['DEPLOYMENT_FAILURE', 'DEPLOYMENT_STOP_ON_ALARM', 'DEPLOYMENT_STOP_ON_REQUEST'];

function tagFilters(list: Input[] | undefined): TagFilter[] | undefined {
  if (!list) return undefined;
  return list.map((filter) => {
    const type = optString(filter, 'Type');
    if (type !== undefined && !TAG_FILTER_TYPES.includes(type)) fail('InvalidTagException', `The tag filter type is invalid: ${type}`);
    return { Key: optString(filter, 'Key'), Value: optString(filter, 'Value'), Type: type as TagFilter['Type'] };
  });
}

function autoRollback(input: Input | undefined): AutoRollbackConfiguration | undefined {
  const config = asShape<AutoRollbackConfiguration>(input);
  if (!config) return undefined;
  for (const event of config.events ?? []) {
    if (!ROLLBACK_EVENTS.includes(event)) fail('InvalidAutoRollbackConfigException', `The automatic rollback event is invalid: ${String(event)}`);
  }
  if (config.enabled && (config.events ?? []).length === 0) fail('InvalidAutoRollbackConfigException', 'An enabled automatic rollback configuration needs at least one event.');
  return { enabled: config.enabled === true, events: config.events ?? [] };
}

/** The automatic rollback settings of a group or a deployment, validated. */
export function readAutoRollback(input: Input, name = 'autoRollbackConfiguration'): AutoRollbackConfiguration | undefined {
  return autoRollback(optObject(input, name));
}

function deploymentStyle(input: Input | undefined, platform: ComputePlatform): DeploymentStyle {
  const style = asShape<DeploymentStyle>(input) ?? {};
  if (platform !== 'Server') return { deploymentType: 'BLUE_GREEN', deploymentOption: 'WITH_TRAFFIC_CONTROL' };
  const deploymentType = style.deploymentType ?? 'IN_PLACE';
  const deploymentOption = style.deploymentOption ?? 'WITHOUT_TRAFFIC_CONTROL';
  if (deploymentType !== 'IN_PLACE' && deploymentType !== 'BLUE_GREEN') fail('InvalidDeploymentStyleException', `The deployment type is invalid: ${String(deploymentType)}`);
  if (deploymentOption !== 'WITH_TRAFFIC_CONTROL' && deploymentOption !== 'WITHOUT_TRAFFIC_CONTROL') fail('InvalidDeploymentStyleException', `The deployment option is invalid: ${String(deploymentOption)}`);
  if (deploymentType === 'BLUE_GREEN') fail('InvalidDeploymentStyleException', 'EC2/On-premises blue/green deployments need replacement instances, which on-premises fleets do not have.');
  return { deploymentType, deploymentOption };
}

/**
 * Applies the settings of a CreateDeploymentGroup or UpdateDeploymentGroup request to a group:
 * members absent from the request keep their current value, as UpdateDeploymentGroup does.
 */
export function applyGroupSettings(group: DeploymentGroupInfo, input: Input, platform: ComputePlatform): void {
  const filters = tagFilters(optObjectList(input, 'onPremisesInstanceTagFilters'));
  const tagSet = asShape<OnPremisesTagSet>(optObject(input, 'onPremisesTagSet'));
  if (filters && tagSet) fail('InvalidOnPremisesTagCombinationException', 'Use onPremisesInstanceTagFilters or onPremisesTagSet, not both.');
  if (filters) {
    group.onPremisesInstanceTagFilters = filters;
    delete group.onPremisesTagSet;
  }
  if (tagSet) {
    group.onPremisesTagSet = { onPremisesTagSetList: (tagSet.onPremisesTagSetList ?? []).map((list) => tagFilters(list as Input[]) ?? []) };
    group.onPremisesInstanceTagFilters = [];
  }
  const ec2 = tagFilters(optObjectList(input, 'ec2TagFilters'));
  if (ec2) group.ec2TagFilters = ec2;
  const role = optString(input, 'serviceRoleArn');
  if (role !== undefined) {
    if (!role.startsWith('arn:')) fail('InvalidRoleException', `The service role ARN is invalid: ${role}`);
    group.serviceRoleArn = role;
  }
  const rollback = readAutoRollback(input);
  if (rollback) group.autoRollbackConfiguration = rollback;
  const styleInput = optObject(input, 'deploymentStyle');
  if (styleInput || !group.deploymentStyle) group.deploymentStyle = deploymentStyle(styleInput, platform);
  const loadBalancer = asShape<LoadBalancerInfo>(optObject(input, 'loadBalancerInfo'));
  if (loadBalancer) group.loadBalancerInfo = loadBalancer;
  const blueGreen = asShape<BlueGreenDeploymentConfiguration>(optObject(input, 'blueGreenDeploymentConfiguration'));
  if (blueGreen) group.blueGreenDeploymentConfiguration = blueGreen;
  const services = optObjectList(input, 'ecsServices');
  if (services) group.ecsServices = services as ECSService[];
  if (platform === 'ECS' && (group.ecsServices ?? []).length === 0) fail('InvalidECSServiceException', 'An ECS deployment group needs an ecsServices entry (serviceName, clusterName).');
  if (group.deploymentStyle?.deploymentOption === 'WITH_TRAFFIC_CONTROL' && platform === 'Server' && !hasLoadBalancer(group.loadBalancerInfo)) {
    fail('InvalidLoadBalancerInfoException', 'A deployment group with traffic control needs loadBalancerInfo (elbInfoList or targetGroupInfoList).');
  }
  const target = asShape<RevisionLocation>(optObject(input, 'targetRevision'));
  if (target) group.targetRevision = target;
}

/** True when the group routes traffic through a load balancer. */
export function hasLoadBalancer(info: LoadBalancerInfo | undefined): boolean {
  return (info?.elbInfoList?.length ?? 0) + (info?.targetGroupInfoList?.length ?? 0) + (info?.targetGroupPairInfoList?.length ?? 0) > 0;
}
