import { randomUUID } from 'node:crypto';
import type { ComputePlatform } from '@aws-sdk/client-codedeploy';
import { fail } from '../server/api-error';
import { optEnum, optString, optStringList, type Input } from '../server/input';
import type { Operations } from '../server/json-protocol';
import { copy, findApplication, type ApiContext } from './context';
import { byName, requireApplicationName } from './names';
import { paginate } from './pagination';

export const COMPUTE_PLATFORMS: readonly ComputePlatform[] = ['Server', 'Lambda', 'ECS'];
const APPLICATION_LIMIT = 1000;
const BATCH_LIMIT = 100;

function computePlatform(input: Input): ComputePlatform | undefined {
  const value = optString(input, 'computePlatform');
  if (value !== undefined && !(COMPUTE_PLATFORMS as readonly string[]).includes(value)) {
    fail('InvalidComputePlatformException', `The computePlatform is invalid: ${value} (expected Server, Lambda or ECS)`);
  }
  return optEnum(input, 'computePlatform', COMPUTE_PLATFORMS);
}

/** Removes an application and everything that belongs to it (groups, revisions, deployments). */
function removeApplication(context: ApiContext, name: string): void {
  const { state } = context.store;
  delete state.applications[name];
  for (const [id, group] of Object.entries(state.groups)) if (group.applicationName === name) delete state.groups[id];
  state.revisions = state.revisions.filter((revision) => revision.applicationName !== name);
  for (const [id, record] of Object.entries(state.deployments)) {
    if (record.info.applicationName !== name) continue;
    // A running deployment of a deleted application must not keep running scripts on instances.
    context.runner.stop(id, false);
    delete state.deployments[id];
  }
}

/** CreateApplication, GetApplication, BatchGetApplications, ListApplications, UpdateApplication, DeleteApplication. */
export function applicationOperations(context: ApiContext): Operations {
  const { store } = context;
  return {
    CreateApplication(input) {
      const name = requireApplicationName(optString(input, 'applicationName'));
      const platform = computePlatform(input) ?? 'Server';
      if (store.state.applications[name]) fail('ApplicationAlreadyExistsException', `Application already exists with the name: ${name}`);
      if (Object.keys(store.state.applications).length >= APPLICATION_LIMIT) {
        fail('ApplicationLimitExceededException', `The limit of ${APPLICATION_LIMIT} applications has been reached.`);
      }
      const applicationId = randomUUID();
      store.state.applications[name] = { applicationId, applicationName: name, createTime: new Date(), linkedToGitHub: false, computePlatform: platform };
      store.changed();
      return { applicationId };
    },
    GetApplication(input) {
      const name = requireApplicationName(optString(input, 'applicationName'));
      return { application: copy(findApplication(context, name)) };
    },
    BatchGetApplications(input) {
      const names = optStringList(input, 'applicationNames') ?? [];
      if (names.length === 0) fail('ApplicationNameRequiredException', 'The applicationNames list is empty');
      if (names.length > BATCH_LIMIT) fail('BatchLimitExceededException', `At most ${BATCH_LIMIT} application names can be requested at once.`);
      return { applicationsInfo: names.map((name) => copy(findApplication(context, requireApplicationName(name)))) };
    },
    ListApplications(input) {
      const names = Object.keys(store.state.applications).sort(byName);
      const page = paginate(names, optString(input, 'nextToken'), 'ListApplications');
      return { applications: page.items, nextToken: page.nextToken };
    },
    UpdateApplication(input) {
      const name = requireApplicationName(optString(input, 'applicationName'));
      const newName = optString(input, 'newApplicationName');
      const application = findApplication(context, name);
      if (newName === undefined || newName === name) return {};
      requireApplicationName(newName);
      if (store.state.applications[newName]) fail('ApplicationAlreadyExistsException', `Application already exists with the name: ${newName}`);
      delete store.state.applications[name];
      store.state.applications[newName] = { ...application, applicationName: newName };
      for (const group of Object.values(store.state.groups)) if (group.applicationName === name) group.applicationName = newName;
      for (const revision of store.state.revisions) if (revision.applicationName === name) revision.applicationName = newName;
      store.changed();
      return {};
    },
    DeleteApplication(input) {
      const name = requireApplicationName(optString(input, 'applicationName'));
      removeApplication(context, name);
      store.changed();
      return {};
    },
  };
}
