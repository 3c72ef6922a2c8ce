import * as fs from 'node:fs';
import * as path from 'node:path';
import type { InstanceInfo, Tag, TagFilter } from '@aws-sdk/client-codedeploy';
import { fail } from '../server/api-error';
import { optObjectList, optString, optStringList, type Input } from '../server/input';
import type { Operations, RequestContext } from '../server/json-protocol';
import { copy, type ApiContext } from './context';
import { byName, requireInstanceName } from './names';
import { paginate } from './pagination';

const TAG_LIMIT = 10;
const BATCH_LIMIT = 100;

/** Registers an on-premises instance and creates its folder (the instance's file system). */
export function registerInstance(context: ApiContext, name: string, region: string, accountId: string, extra: Partial<InstanceInfo>): InstanceInfo {
  const info: InstanceInfo = {
    instanceName: name,
    instanceArn: `arn:aws:codedeploy:${region}:${accountId}:instance/${name}`,
    registerTime: new Date(),
    tags: [],
    ...extra,
  };
  context.store.state.instances[name] = info;
  fs.mkdirSync(path.join(context.instancesDir, name), { recursive: true });
  context.store.changed();
  return info;
}

/** True when the instance's tags match one tag filter (KEY_ONLY, VALUE_ONLY, KEY_AND_VALUE). */
export function matchesTagFilter(tags: readonly Tag[], filter: TagFilter): boolean {
  return tags.some((tag) => {
    if (filter.Type === 'KEY_ONLY') return tag.Key === filter.Key;
    if (filter.Type === 'VALUE_ONLY') return tag.Value === filter.Value;
    return tag.Key === filter.Key && tag.Value === filter.Value;
  });
}

function registered(context: ApiContext, name: string): InstanceInfo {
  const info = context.store.state.instances[name];
  if (!info || info.deregisterTime) fail('InstanceNotRegisteredException', `The on-premises instance is not registered: ${name}`);
  return info;
}

function readTags(input: Input): Tag[] {
  const tags = optObjectList(input, 'tags') ?? [];
  if (tags.length === 0) fail('TagRequiredException', 'A tag was not specified.');
  return tags.map((tag) => {
    const key = optString(tag, 'Key');
    if (!key) fail('InvalidTagException', 'Every tag needs a Key.');
    return { Key: key, Value: optString(tag, 'Value') ?? '' };
  });
}

function readInstanceNames(input: Input): string[] {
  const names = optStringList(input, 'instanceNames') ?? [];
  if (names.length === 0) fail('InstanceNameRequiredException', 'An on-premises instance name was not specified.');
  return names.map(requireInstanceName);
}

/** Register/Deregister/Get/BatchGet/List on-premises instances, Add/RemoveTags. */
export function onPremisesOperations(context: ApiContext): Operations {
  const { store } = context;
  return {
    RegisterOnPremisesInstance(input, request: RequestContext) {
      const name = requireInstanceName(optString(input, 'instanceName'));
      const iamSessionArn = optString(input, 'iamSessionArn');
      const iamUserArn = optString(input, 'iamUserArn');
      if (iamSessionArn && iamUserArn) fail('MultipleIamArnsProvidedException', 'Register an instance with either an IAM session ARN or an IAM user ARN, not both.');
      if (!iamSessionArn && !iamUserArn) fail('IamArnRequiredException', 'An IAM session ARN or IAM user ARN is required.');
      const existing = store.state.instances[name];
      if (existing && !existing.deregisterTime) fail('InstanceNameAlreadyRegisteredException', `The on-premises instance name is already registered: ${name}`);
      registerInstance(context, name, request.region, request.accountId, iamSessionArn ? { iamSessionArn } : { iamUserArn });
      return {};
    },
    DeregisterOnPremisesInstance(input) {
      const name = requireInstanceName(optString(input, 'instanceName'));
      const info = store.state.instances[name];
      if (info && !info.deregisterTime) {
        info.deregisterTime = new Date();
        store.changed();
      }
      return {};
    },
    GetOnPremisesInstance(input) {
      const name = requireInstanceName(optString(input, 'instanceName'));
      const info = store.state.instances[name];
      if (!info) fail('InstanceNotRegisteredException', `The on-premises instance is not registered: ${name}`);
      return { instanceInfo: copy(info) };
    },
    BatchGetOnPremisesInstances(input) {
      const names = readInstanceNames(input);
      if (names.length > BATCH_LIMIT) fail('BatchLimitExceededException', `At most ${BATCH_LIMIT} instances can be requested at once.`);
      return { instanceInfos: names.map((name) => store.state.instances[name]).filter((info): info is InstanceInfo => info !== undefined).map(copy) };
    },
    ListOnPremisesInstances(input) {
      const status = optString(input, 'registrationStatus');
      if (status !== undefined && status !== 'Registered' && status !== 'Deregistered') fail('InvalidRegistrationStatusException', `The registration status is invalid: ${status}`);
      const filters = (optObjectList(input, 'tagFilters') ?? []).map((filter) => filter as TagFilter);
      for (const filter of filters) {
        if (!['KEY_ONLY', 'VALUE_ONLY', 'KEY_AND_VALUE'].includes(filter.Type ?? '')) fail('InvalidTagFilterException', `The tag filter type is invalid: ${String(filter.Type)}`);
      }
      const names = Object.values(store.state.instances)
        .filter((info) => status === undefined || (status === 'Registered') === !info.deregisterTime)
        .filter((info) => filters.every((filter) => matchesTagFilter(info.tags ?? [], filter)))
        .map((info) => info.instanceName!)
        .sort(byName);
      const page = paginate(names, optString(input, 'nextToken'), 'ListOnPremisesInstances');
      return { instanceNames: page.items, nextToken: page.nextToken };
    },
    AddTagsToOnPremisesInstances(input) {
      const tags = readTags(input);
      const instances = readInstanceNames(input).map((name) => registered(context, name));
      for (const info of instances) {
        const merged = new Map((info.tags ?? []).map((tag) => [tag.Key, tag]));
        for (const tag of tags) merged.set(tag.Key, tag);
        if (merged.size > TAG_LIMIT) fail('TagLimitExceededException', `An on-premises instance can have at most ${TAG_LIMIT} tags: ${info.instanceName}`);
      }
      for (const info of instances) {
        const merged = new Map((info.tags ?? []).map((tag) => [tag.Key, tag]));
        for (const tag of tags) merged.set(tag.Key, tag);
        info.tags = [...merged.values()];
      }
      store.changed();
      return {};
    },
    RemoveTagsFromOnPremisesInstances(input) {
      const tags = readTags(input);
      for (const info of readInstanceNames(input).map((name) => registered(context, name))) {
        info.tags = (info.tags ?? []).filter((tag) => !tags.some((removed) => removed.Key === tag.Key && (removed.Value === '' || removed.Value === tag.Value)));
      }
      store.changed();
      return {};
    },
  };
}
