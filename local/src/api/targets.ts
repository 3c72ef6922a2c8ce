import type { DeploymentTarget } from '@aws-sdk/client-codedeploy';
import { instanceSummary, targetCore } from '../deploy/target-view';
import { fail } from '../server/api-error';
import { optObject, optString, optStringList } from '../server/input';
import type { Operations } from '../server/json-protocol';
import type { DeploymentRecord } from '../state/types';
import { copy, findDeployment, type ApiContext } from './context';
import { paginate } from './pagination';

const TARGET_BATCH_LIMIT = 25;
const INSTANCE_BATCH_LIMIT = 100;
const TARGET_STATUSES = ['Pending', 'InProgress', 'Succeeded', 'Failed', 'Skipped', 'Unknown', 'Ready'];

function started(record: DeploymentRecord): DeploymentRecord {
  if (record.info.status === 'Created' && record.targets.length === 0) fail('DeploymentNotStartedException', `The deployment ${record.info.deploymentId} has not started.`);
  return record;
}

function serverOnly(record: DeploymentRecord): DeploymentRecord {
  if ((record.info.computePlatform ?? 'Server') !== 'Server') fail('InvalidComputePlatformException', 'Deployment instances exist only for EC2/On-premises deployments; use ListDeploymentTargets.');
  return record;
}

function findTarget(record: DeploymentRecord, id: string): DeploymentTarget {
  const target = record.targets.find((candidate) => targetCore(candidate).targetId === id);
  if (!target) fail('DeploymentTargetDoesNotExistException', `The target ${id} does not belong to deployment ${record.info.deploymentId}`);
  return target;
}

/** ListDeploymentTargets, BatchGetDeploymentTargets, GetDeploymentTarget, ListDeploymentInstances, BatchGetDeploymentInstances, GetDeploymentInstance. */
export function targetOperations(context: ApiContext): Operations {
  return {
    ListDeploymentTargets(input) {
      const record = started(findDeployment(context, optString(input, 'deploymentId')));
      const filters = optObject(input, 'targetFilters') ?? {};
      for (const name of Object.keys(filters)) if (name !== 'TargetStatus' && name !== 'ServerInstanceLabel') fail('InvalidTargetFilterNameException', `The target filter name is invalid: ${name}`);
      const statuses = optStringList(filters, 'TargetStatus');
      for (const status of statuses ?? []) if (!TARGET_STATUSES.includes(status)) fail('InvalidInstanceStatusException', `The target status is invalid: ${status}`);
      const labels = optStringList(filters, 'ServerInstanceLabel');
      const ids = record.targets
        .filter((target) => !statuses || statuses.includes(targetCore(target).status ?? ''))
        .filter((target) => !labels || labels.includes(target.instanceTarget?.instanceLabel ?? ''))
        .map((target) => targetCore(target).targetId!);
      const page = paginate(ids, optString(input, 'nextToken'), `ListDeploymentTargets/${record.info.deploymentId}`);
      return { targetIds: page.items, nextToken: page.nextToken };
    },
    BatchGetDeploymentTargets(input) {
      const record = started(findDeployment(context, optString(input, 'deploymentId')));
      const ids = optStringList(input, 'targetIds') ?? [];
      if (ids.length === 0) fail('DeploymentTargetIdRequiredException', 'A deployment target ID was not provided.');
      if (ids.length > TARGET_BATCH_LIMIT) fail('DeploymentTargetListSizeExceededException', `At most ${TARGET_BATCH_LIMIT} targets can be requested at once.`);
      return { deploymentTargets: ids.map((id) => copy(findTarget(record, id))) };
    },
    GetDeploymentTarget(input) {
      const record = started(findDeployment(context, optString(input, 'deploymentId')));
      const id = optString(input, 'targetId');
      if (!id) fail('DeploymentTargetIdRequiredException', 'A deployment target ID was not provided.');
      return { deploymentTarget: copy(findTarget(record, id)) };
    },
    ListDeploymentInstances(input) {
      const record = serverOnly(started(findDeployment(context, optString(input, 'deploymentId'))));
      const statuses = optStringList(input, 'instanceStatusFilter');
      for (const status of statuses ?? []) if (!TARGET_STATUSES.includes(status)) fail('InvalidInstanceStatusException', `The instance status is invalid: ${status}`);
      const types = optStringList(input, 'instanceTypeFilter');
      for (const type of types ?? []) if (type !== 'Blue' && type !== 'Green') fail('InvalidInstanceTypeException', `The instance type is invalid: ${type}`);
      const ids = record.targets
        .map(instanceSummary)
        .filter((summary) => !statuses || statuses.includes(summary.status ?? ''))
        .filter((summary) => !types || types.includes(summary.instanceType ?? ''))
        .map((summary) => summary.instanceId!);
      const page = paginate(ids, optString(input, 'nextToken'), `ListDeploymentInstances/${record.info.deploymentId}`);
      return { instancesList: page.items, nextToken: page.nextToken };
    },
    BatchGetDeploymentInstances(input) {
      const record = serverOnly(findDeployment(context, optString(input, 'deploymentId')));
      const ids = optStringList(input, 'instanceIds') ?? [];
      if (ids.length === 0) fail('InstanceIdRequiredException', 'The instanceIds list is empty');
      if (ids.length > INSTANCE_BATCH_LIMIT) fail('BatchLimitExceededException', `At most ${INSTANCE_BATCH_LIMIT} instances can be requested at once.`);
      const found = ids.map((id) => record.targets.find((target) => target.instanceTarget?.targetId === id));
      const missing = ids.filter((_id, index) => !found[index]);
      return {
        instancesSummary: found.filter((target): target is DeploymentTarget => target !== undefined).map((target) => copy(instanceSummary(target))),
        errorMessage: missing.length > 0 ? `Instances not part of the deployment: ${missing.join(', ')}` : undefined,
      };
    },
    GetDeploymentInstance(input) {
      const record = serverOnly(findDeployment(context, optString(input, 'deploymentId')));
      const id = optString(input, 'instanceId');
      if (!id) fail('InstanceIdRequiredException', 'The instance ID is missing');
      const target = record.targets.find((candidate) => candidate.instanceTarget?.targetId === id);
      if (!target) fail('InstanceDoesNotExistException', `The instance ${id} is not part of deployment ${record.info.deploymentId}`);
      return { instanceSummary: copy(instanceSummary(target)) };
    },
  };
}
