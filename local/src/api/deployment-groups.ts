import { randomUUID } from 'node:crypto';
import type { DeploymentGroupInfo } from '@aws-sdk/client-codedeploy';
import { defaultConfigName } from '../deploy/predefined-configs';
import { fail } from '../server/api-error';
import { optString, optStringList, type Input } from '../server/input';
import type { Operations } from '../server/json-protocol';
import { copy, findApplication, findConfig, findGroup, lookupGroup, type ApiContext } from './context';
import { applyGroupSettings } from './group-settings';
import { byName, requireApplicationName, requireConfigName, requireGroupName } from './names';
import { paginate } from './pagination';

const GROUP_LIMIT = 1000;
const BATCH_LIMIT = 100;

function activeDeploymentId(context: ApiContext, group: DeploymentGroupInfo): string | undefined {
  return Object.values(context.store.state.deployments).find(
    (record) =>
      record.info.applicationName === group.applicationName &&
      record.info.deploymentGroupName === group.deploymentGroupName &&
      ['Created', 'Queued', 'InProgress', 'Baking', 'Ready'].includes(record.info.status ?? ''),
  )?.info.deploymentId;
}

/** Checks a named configuration exists and fits the application's platform. */
function checkConfig(context: ApiContext, input: Input, platform: string): string | undefined {
  const name = optString(input, 'deploymentConfigName');
  if (name === undefined) return undefined;
  const config = findConfig(context, requireConfigName(name));
  if ((config.computePlatform ?? 'Server') !== platform) {
    fail('InvalidDeploymentConfigNameException', `Deployment configuration ${name} is for the ${config.computePlatform} compute platform, not ${platform}.`);
  }
  return name;
}

/** CreateDeploymentGroup, GetDeploymentGroup, BatchGetDeploymentGroups, ListDeploymentGroups, UpdateDeploymentGroup, DeleteDeploymentGroup. */
export function deploymentGroupOperations(context: ApiContext): Operations {
  const { store } = context;
  return {
    CreateDeploymentGroup(input) {
      const applicationName = requireApplicationName(optString(input, 'applicationName'));
      const name = requireGroupName(optString(input, 'deploymentGroupName'));
      const application = findApplication(context, applicationName);
      const platform = application.computePlatform ?? 'Server';
      if (lookupGroup(context, applicationName, name)) fail('DeploymentGroupAlreadyExistsException', `Deployment Group already exists with name ${name}`);
      if (!optString(input, 'serviceRoleArn')) fail('RoleRequiredException', 'Role ARN is required');
      const configName = checkConfig(context, input, platform) ?? defaultConfigName(platform);
      const count = Object.values(store.state.groups).filter((group) => group.applicationName === applicationName).length;
      if (count >= GROUP_LIMIT) fail('DeploymentGroupLimitExceededException', `The limit of ${GROUP_LIMIT} deployment groups per application has been reached.`);
      const group: DeploymentGroupInfo = {
        applicationName,
        deploymentGroupId: randomUUID(),
        deploymentGroupName: name,
        deploymentConfigName: configName,
        ec2TagFilters: [],
        onPremisesInstanceTagFilters: [],
        autoScalingGroups: [],
        triggerConfigurations: [],
        alarmConfiguration: { enabled: false, ignorePollAlarmFailure: false, alarms: [] },
        autoRollbackConfiguration: { enabled: false, events: [] },
        outdatedInstancesStrategy: 'UPDATE',
        computePlatform: platform,
        terminationHookEnabled: false,
      };
      applyGroupSettings(group, input, platform);
      store.state.groups[group.deploymentGroupId!] = group;
      store.changed();
      return { deploymentGroupId: group.deploymentGroupId };
    },
    GetDeploymentGroup(input) {
      const applicationName = requireApplicationName(optString(input, 'applicationName'));
      const name = requireGroupName(optString(input, 'deploymentGroupName'));
      findApplication(context, applicationName);
      return { deploymentGroupInfo: copy(findGroup(context, applicationName, name)) };
    },
    BatchGetDeploymentGroups(input) {
      const applicationName = requireApplicationName(optString(input, 'applicationName'));
      findApplication(context, applicationName);
      const names = optStringList(input, 'deploymentGroupNames') ?? [];
      if (names.length === 0) fail('DeploymentGroupNameRequiredException', 'The deploymentGroupNames list is empty');
      if (names.length > BATCH_LIMIT) fail('BatchLimitExceededException', `At most ${BATCH_LIMIT} deployment groups can be requested at once.`);
      const found = names.map((name) => lookupGroup(context, applicationName, requireGroupName(name)));
      const missing = names.filter((_name, index) => !found[index]);
      return {
        deploymentGroupsInfo: found.filter((group): group is DeploymentGroupInfo => group !== undefined).map(copy),
        errorMessage: missing.length > 0 ? `Deployment groups not found: ${missing.join(', ')}` : undefined,
      };
    },
    ListDeploymentGroups(input) {
      const applicationName = requireApplicationName(optString(input, 'applicationName'));
      findApplication(context, applicationName);
      const names = Object.values(store.state.groups)
        .filter((group) => group.applicationName === applicationName)
        .map((group) => group.deploymentGroupName!)
        .sort(byName);
      const page = paginate(names, optString(input, 'nextToken'), `ListDeploymentGroups/${applicationName}`);
      return { applicationName, deploymentGroups: page.items, nextToken: page.nextToken };
    },
    UpdateDeploymentGroup(input) {
      const applicationName = requireApplicationName(optString(input, 'applicationName'));
      const current = requireGroupName(optString(input, 'currentDeploymentGroupName'));
      const application = findApplication(context, applicationName);
      const group = findGroup(context, applicationName, current);
      const newName = optString(input, 'newDeploymentGroupName');
      if (newName !== undefined && newName !== current) {
        requireGroupName(newName);
        if (lookupGroup(context, applicationName, newName)) fail('DeploymentGroupAlreadyExistsException', `Deployment Group already exists with name ${newName}`);
      }
      const updated = copy(group);
      const configName = checkConfig(context, input, application.computePlatform ?? 'Server');
      if (configName) updated.deploymentConfigName = configName;
      applyGroupSettings(updated, input, application.computePlatform ?? 'Server');
      if (newName) updated.deploymentGroupName = newName;
      store.state.groups[group.deploymentGroupId!] = updated;
      store.changed();
      return { hooksNotCleanedUp: [] };
    },
    DeleteDeploymentGroup(input) {
      const applicationName = requireApplicationName(optString(input, 'applicationName'));
      const name = requireGroupName(optString(input, 'deploymentGroupName'));
      findApplication(context, applicationName);
      const group = lookupGroup(context, applicationName, name);
      if (group) {
        const active = activeDeploymentId(context, group);
        if (active) fail('InvalidOperationException', `The deployment group has an active deployment: ${active}`);
        delete store.state.groups[group.deploymentGroupId!];
        store.changed();
      }
      return { hooksNotCleanedUp: [] };
    },
  };
}
