import { randomUUID } from 'node:crypto';
import type { ComputePlatform, DeploymentConfigInfo, MinimumHealthyHosts, TrafficRoutingConfig } from '@aws-sdk/client-codedeploy';
import { PREDEFINED_CONFIGS } from '../deploy/predefined-configs';
import { fail } from '../server/api-error';
import { optNumber, optObject, optString, type Input } from '../server/input';
import type { Operations } from '../server/json-protocol';
import { COMPUTE_PLATFORMS } from './applications';
import { copy, findConfig, lookupConfig, type ApiContext } from './context';
import { byName, requireConfigName } from './names';
import { paginate } from './pagination';

const CUSTOM_CONFIG_LIMIT = 200;

function minimumHealthyHosts(input: Input | undefined): MinimumHealthyHosts {
  const type = input ? optString(input, 'type') : undefined;
  const value = input ? optNumber(input, 'value') : undefined;
  if (type !== 'HOST_COUNT' && type !== 'FLEET_PERCENT') fail('InvalidMinimumHealthyHostValueException', 'The minimum healthy host type must be HOST_COUNT or FLEET_PERCENT.');
  if (value === undefined || !Number.isInteger(value) || value < 0 || (type === 'FLEET_PERCENT' && value > 99)) {
    fail('InvalidMinimumHealthyHostValueException', `The minimum healthy host value is invalid for ${type}: ${String(value)}`);
  }
  return { type, value };
}

function positiveInteger(input: Input, name: string, max: number): number {
  const value = optNumber(input, name);
  if (value === undefined || !Number.isInteger(value) || value < 1 || value > max) {
    fail('InvalidTrafficRoutingConfigurationException', `${name} must be an integer from 1 to ${max}.`);
  }
  return value;
}

function trafficRouting(input: Input | undefined): TrafficRoutingConfig {
  const type = input ? optString(input, 'type') : undefined;
  if (!input || type === 'AllAtOnce') return { type: 'AllAtOnce' };
  if (type === 'TimeBasedCanary') {
    const canary = optObject(input, 'timeBasedCanary') ?? {};
    return { type, timeBasedCanary: { canaryPercentage: positiveInteger(canary, 'canaryPercentage', 99), canaryInterval: positiveInteger(canary, 'canaryInterval', 2880) } };
  }
  if (type === 'TimeBasedLinear') {
    const linear = optObject(input, 'timeBasedLinear') ?? {};
    return { type, timeBasedLinear: { linearPercentage: positiveInteger(linear, 'linearPercentage', 99), linearInterval: positiveInteger(linear, 'linearInterval', 2880) } };
  }
  fail('InvalidTrafficRoutingConfigurationException', `The traffic routing type is invalid: ${String(type)}`);
}

/** Validates a CreateDeploymentConfig request into the stored shape. */
function buildConfig(input: Input, name: string): DeploymentConfigInfo {
  const platformText = optString(input, 'computePlatform') ?? 'Server';
  if (!(COMPUTE_PLATFORMS as readonly string[]).includes(platformText)) fail('InvalidComputePlatformException', `The computePlatform is invalid: ${platformText}`);
  const computePlatform = platformText as ComputePlatform;
  const info: DeploymentConfigInfo = { deploymentConfigId: randomUUID(), deploymentConfigName: name, createTime: new Date(), computePlatform };
  if (computePlatform === 'Server') {
    if (optObject(input, 'trafficRoutingConfig')) fail('InvalidTrafficRoutingConfigurationException', 'EC2/On-premises configurations use minimumHealthyHosts, not trafficRoutingConfig.');
    info.minimumHealthyHosts = minimumHealthyHosts(optObject(input, 'minimumHealthyHosts'));
  } else {
    if (optObject(input, 'minimumHealthyHosts')) fail('InvalidMinimumHealthyHostValueException', `${computePlatform} configurations use trafficRoutingConfig, not minimumHealthyHosts.`);
    info.trafficRoutingConfig = trafficRouting(optObject(input, 'trafficRoutingConfig'));
  }
  return info;
}

/** CreateDeploymentConfig, GetDeploymentConfig, ListDeploymentConfigs, DeleteDeploymentConfig. */
export function deploymentConfigOperations(context: ApiContext): Operations {
  const { store } = context;
  return {
    CreateDeploymentConfig(input) {
      const name = requireConfigName(optString(input, 'deploymentConfigName'));
      if (name.startsWith('CodeDeployDefault.')) fail('InvalidDeploymentConfigNameException', `Custom configuration names cannot start with CodeDeployDefault.: ${name}`);
      if (lookupConfig(context, name)) fail('DeploymentConfigAlreadyExistsException', `Deployment Configuration already exists with the name: ${name}`);
      if (Object.keys(store.state.configs).length >= CUSTOM_CONFIG_LIMIT) fail('DeploymentConfigLimitExceededException', `The limit of ${CUSTOM_CONFIG_LIMIT} custom configurations has been reached.`);
      const info = buildConfig(input, name);
      store.state.configs[name] = info;
      store.changed();
      return { deploymentConfigId: info.deploymentConfigId };
    },
    GetDeploymentConfig(input) {
      const name = requireConfigName(optString(input, 'deploymentConfigName'));
      return { deploymentConfigInfo: copy(findConfig(context, name)) };
    },
    ListDeploymentConfigs(input) {
      const names = [...PREDEFINED_CONFIGS.map((config) => config.deploymentConfigName!), ...Object.keys(store.state.configs).sort(byName)];
      const page = paginate(names, optString(input, 'nextToken'), 'ListDeploymentConfigs');
      return { deploymentConfigsList: page.items, nextToken: page.nextToken };
    },
    DeleteDeploymentConfig(input) {
      const name = requireConfigName(optString(input, 'deploymentConfigName'));
      if (name.startsWith('CodeDeployDefault.')) fail('InvalidOperationException', `Predefined deployment configurations cannot be deleted: ${name}`);
      const inUse = Object.values(store.state.groups).some((group) => group.deploymentConfigName === name);
      if (inUse) fail('DeploymentConfigInUseException', `The deployment configuration is in use by a deployment group: ${name}`);
      delete store.state.configs[name];
      store.changed();
      return {};
    },
  };
}
