import { randomInt } from 'node:crypto';
import type { DeploymentInfo, DeploymentStatus, FileExistsBehavior } from '@aws-sdk/client-codedeploy';
import { fail } from '../server/api-error';
import { optBool, optObject, optNumber, optString, optStringList } from '../server/input';
import type { Operations } from '../server/json-protocol';
import type { DeploymentRecord } from '../state/types';
import { copy, findApplication, findConfig, findDeployment, findGroup, type ApiContext } from './context';
import { readAutoRollback } from './group-settings';
import { requireApplicationName, requireConfigName, requireGroupName } from './names';
import { paginate } from './pagination';
import { readRevision } from './revision-location';
import { registerRevision } from './revisions';

export const ACTIVE_STATUSES: readonly DeploymentStatus[] = ['Created', 'Queued', 'InProgress', 'Baking', 'Ready'];
const ALL_STATUSES: readonly string[] = [...ACTIVE_STATUSES, 'Succeeded', 'Failed', 'Stopped'];
const FILE_EXISTS: readonly string[] = ['DISALLOW', 'OVERWRITE', 'RETAIN'];
const BATCH_LIMIT = 25;
const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** A new deployment id in the service's `d-XXXXXXXXX` form. */
export function newDeploymentId(): string {
  let id = 'd-';
  for (let index = 0; index < 9; index += 1) id += ID_ALPHABET[randomInt(ID_ALPHABET.length)];
  return id;
}

/** The running deployment of a group, if any (one active deployment per group). */
export function activeDeployment(context: ApiContext, applicationName: string, groupName: string): DeploymentRecord | undefined {
  return Object.values(context.store.state.deployments).find(
    (record) =>
      record.info.applicationName === applicationName &&
      record.info.deploymentGroupName === groupName &&
      ACTIVE_STATUSES.includes(record.info.status!),
  );
}

function createDeployment(context: ApiContext, input: Parameters<Operations[string]>[0]): string {
  const applicationName = requireApplicationName(optString(input, 'applicationName'));
  const application = findApplication(context, applicationName);
  const groupName = requireGroupName(optString(input, 'deploymentGroupName'));
  const group = findGroup(context, applicationName, groupName);
  const platform = application.computePlatform ?? 'Server';
  const configName = optString(input, 'deploymentConfigName') ?? group.deploymentConfigName!;
  const config = findConfig(context, requireConfigName(configName));
  if ((config.computePlatform ?? 'Server') !== platform) {
    fail('InvalidDeploymentConfigNameException', `Deployment configuration ${configName} is for the ${config.computePlatform} compute platform, not ${platform}.`);
  }
  const revision = input.revision === undefined && group.targetRevision ? copy(group.targetRevision) : readRevision(input);
  if (revision.revisionType === 'GitHub') fail('InvalidRevisionException', 'GitHub revisions are not available in the local CodeDeploy; upload the bundle to the local S3.');
  if (platform === 'Server' && revision.revisionType !== 'S3') fail('InvalidRevisionException', 'EC2/On-premises deployments need an S3 revision (a zip, tar or tgz bundle).');
  if (platform === 'Server' && !['zip', 'tar', 'tgz'].includes(revision.s3Location?.bundleType ?? '')) {
    fail('InvalidRevisionException', 'The bundle type of an EC2/On-premises revision must be zip, tar or tgz.');
  }
  const description = optString(input, 'description');
  if (description !== undefined && description.length > 256) fail('DescriptionTooLongException', 'The description is longer than 256 characters.');
  const fileExistsBehavior = optString(input, 'fileExistsBehavior') ?? 'DISALLOW';
  if (!FILE_EXISTS.includes(fileExistsBehavior)) fail('InvalidFileExistsBehaviorException', `The fileExistsBehavior is invalid: ${fileExistsBehavior}`);
  const ignoreStop = input.ignoreApplicationStopFailures;
  if (ignoreStop !== undefined && typeof ignoreStop !== 'boolean') fail('InvalidIgnoreApplicationStopFailuresValueException', 'ignoreApplicationStopFailures must be true or false.');
  const updateOutdated = optBool(input, 'updateOutdatedInstancesOnly');
  if (updateOutdated) fail('InvalidUpdateOutdatedInstancesOnlyValueException', 'updateOutdatedInstancesOnly is not supported by the local CodeDeploy.');
  if (optObject(input, 'targetInstances')) fail('InvalidTargetInstancesException', 'targetInstances applies to blue/green EC2 deployments, which the local CodeDeploy does not run.');
  const rollback = readAutoRollback(input) ?? group.autoRollbackConfiguration;

  const active = activeDeployment(context, applicationName, groupName);
  if (active) fail('DeploymentLimitExceededException', `The Deployment Group '${groupName}' already has an active Deployment '${active.info.deploymentId}'`);

  const lastSuccessful = group.lastSuccessfulDeployment?.deploymentId;
  const previous = lastSuccessful ? context.store.state.deployments[lastSuccessful]?.info.revision : undefined;
  const deploymentId = newDeploymentId();
  const info: DeploymentInfo = {
    applicationName,
    deploymentGroupName: groupName,
    deploymentConfigName: configName,
    deploymentId,
    previousRevision: previous ? copy(previous) : undefined,
    revision,
    status: 'Created',
    createTime: new Date(),
    deploymentOverview: { Pending: 0, InProgress: 0, Succeeded: 0, Failed: 0, Skipped: 0, Ready: 0 },
    description,
    creator: 'user',
    ignoreApplicationStopFailures: ignoreStop === true,
    autoRollbackConfiguration: rollback ? copy(rollback) : { enabled: false, events: [] },
    updateOutdatedInstancesOnly: false,
    deploymentStyle: copy(group.deploymentStyle),
    loadBalancerInfo: group.loadBalancerInfo ? copy(group.loadBalancerInfo) : undefined,
    blueGreenDeploymentConfiguration: group.blueGreenDeploymentConfiguration ? copy(group.blueGreenDeploymentConfiguration) : undefined,
    instanceTerminationWaitTimeStarted: false,
    fileExistsBehavior: fileExistsBehavior as FileExistsBehavior,
    computePlatform: platform,
    deploymentStatusMessages: [],
  };
  const record: DeploymentRecord = { info, targets: [] };
  context.store.state.deployments[deploymentId] = record;
  const revisionRecord = registerRevision(context, applicationName, revision);
  const now = new Date();
  revisionRecord.info.firstUsedTime ??= now;
  revisionRecord.info.lastUsedTime = now;
  if (!revisionRecord.info.deploymentGroups!.includes(groupName)) revisionRecord.info.deploymentGroups!.push(groupName);
  group.lastAttemptedDeployment = { deploymentId, status: 'Created', createTime: info.createTime };
  group.targetRevision = copy(revision);
  context.store.changed();
  context.runner.start(record);
  return deploymentId;
}

/** CreateDeployment, GetDeployment, BatchGetDeployments, ListDeployments, StopDeployment, ContinueDeployment. */
export function deploymentOperations(context: ApiContext): Operations {
  const { store } = context;
  return {
    CreateDeployment(input) {
      return { deploymentId: createDeployment(context, input) };
    },
    GetDeployment(input) {
      return { deploymentInfo: copy(findDeployment(context, optString(input, 'deploymentId')).info) };
    },
    BatchGetDeployments(input) {
      const ids = optStringList(input, 'deploymentIds') ?? [];
      if (ids.length === 0) fail('DeploymentIdRequiredException', 'The deploymentIds list is empty');
      if (ids.length > BATCH_LIMIT) fail('BatchLimitExceededException', `At most ${BATCH_LIMIT} deployments can be requested at once.`);
      for (const id of ids) if (!/^d-[A-Z0-9]{9}$/.test(id)) fail('InvalidDeploymentIdException', `Specified DeploymentId is not in the valid format: ${id}`);
      return { deploymentsInfo: ids.map((id) => store.state.deployments[id]?.info).filter((info) => info !== undefined).map(copy) };
    },
    ListDeployments(input) {
      const applicationName = optString(input, 'applicationName');
      const groupName = optString(input, 'deploymentGroupName');
      if (groupName !== undefined && applicationName === undefined) fail('ApplicationNameRequiredException', 'An application name is required with a deployment group name.');
      if (applicationName !== undefined) {
        findApplication(context, requireApplicationName(applicationName));
        if (groupName === undefined) fail('DeploymentGroupNameRequiredException', 'A deployment group name is required with an application name.');
        findGroup(context, applicationName, requireGroupName(groupName));
      }
      const statuses = optStringList(input, 'includeOnlyStatuses');
      for (const status of statuses ?? []) if (!ALL_STATUSES.includes(status)) fail('InvalidDeploymentStatusException', `The deployment status is invalid: ${status}`);
      const range = optObject(input, 'createTimeRange');
      const start = range ? optNumber(range, 'start') : undefined;
      const end = range ? optNumber(range, 'end') : undefined;
      if (start !== undefined && end !== undefined && start > end) fail('InvalidTimeRangeException', 'The start time is after the end time.');
      const externalId = optString(input, 'externalId');
      const ids = Object.values(store.state.deployments)
        .map((record) => record.info)
        .filter((info) => applicationName === undefined || (info.applicationName === applicationName && info.deploymentGroupName === groupName))
        .filter((info) => !statuses || statuses.includes(info.status!))
        .filter((info) => start === undefined || info.createTime!.getTime() >= start * 1000)
        .filter((info) => end === undefined || info.createTime!.getTime() <= end * 1000)
        .filter((info) => externalId === undefined || info.externalId === externalId)
        .sort((a, b) => b.createTime!.getTime() - a.createTime!.getTime() || (a.deploymentId! < b.deploymentId! ? 1 : -1))
        .map((info) => info.deploymentId!);
      const page = paginate(ids, optString(input, 'nextToken'), `ListDeployments/${applicationName ?? ''}/${groupName ?? ''}`);
      return { deployments: page.items, nextToken: page.nextToken };
    },
    StopDeployment(input) {
      const record = findDeployment(context, optString(input, 'deploymentId'));
      if (!ACTIVE_STATUSES.includes(record.info.status!)) fail('DeploymentAlreadyCompletedException', `The deployment ${record.info.deploymentId} has already completed.`);
      const status = context.runner.stop(record.info.deploymentId!, optBool(input, 'autoRollbackEnabled') === true);
      return { status, statusMessage: status === 'Pending' ? 'Stopping the deployment.' : 'The deployment was stopped.' };
    },
    ContinueDeployment(input) {
      const record = findDeployment(context, optString(input, 'deploymentId'));
      const waitType = optString(input, 'deploymentWaitType') ?? 'READY_WAIT';
      if (waitType !== 'READY_WAIT' && waitType !== 'TERMINATION_WAIT') fail('InvalidDeploymentWaitTypeException', `The wait type is invalid: ${waitType}`);
      if (!ACTIVE_STATUSES.includes(record.info.status!)) fail('DeploymentAlreadyCompletedException', `The deployment ${record.info.deploymentId} has already completed.`);
      if (record.info.status !== 'Ready' || waitType !== 'READY_WAIT') fail('DeploymentIsNotInReadyStateException', `The deployment ${record.info.deploymentId} is not waiting in the Ready state.`);
      context.runner.continue(record.info.deploymentId!);
      return {};
    },
    PutLifecycleEventHookExecutionStatus(input) {
      const record = findDeployment(context, optString(input, 'deploymentId'));
      const executionId = optString(input, 'lifecycleEventHookExecutionId');
      const status = optString(input, 'status');
      if (status !== 'Succeeded' && status !== 'Failed') fail('InvalidLifecycleEventHookExecutionStatusException', `The status must be Succeeded or Failed: ${String(status)}`);
      if (!executionId || !context.runner.reportHook(record.info.deploymentId!, executionId, status)) {
        fail('InvalidLifecycleEventHookExecutionIdException', `No running hook with execution id: ${String(executionId)}`);
      }
      return { lifecycleEventHookExecutionId: executionId };
    },
  };
}

