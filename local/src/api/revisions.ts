import type { GenericRevisionInfo, RevisionLocation } from '@aws-sdk/client-codedeploy';
import { fail } from '../server/api-error';
import { optObjectList, optString, type Input } from '../server/input';
import type { Operations } from '../server/json-protocol';
import type { RevisionRecord } from '../state/types';
import { copy, findApplication, type ApiContext } from './context';
import { requireApplicationName } from './names';
import { paginate } from './pagination';
import { readRevision, revisionKey } from './revision-location';

const DESCRIPTION_LIMIT = 256;
const BATCH_LIMIT = 25;

/** Finds or adds the registered revision for a location (CreateDeployment registers implicitly). */
export function registerRevision(context: ApiContext, applicationName: string, location: RevisionLocation, description?: string): RevisionRecord {
  const key = revisionKey(location);
  let record = context.store.state.revisions.find((candidate) => candidate.applicationName === applicationName && candidate.key === key);
  if (!record) {
    record = { applicationName, key, location: copy(location), info: { registerTime: new Date(), deploymentGroups: [] } };
    context.store.state.revisions.push(record);
  }
  if (description !== undefined) record.info.description = description;
  context.store.changed();
  return record;
}

function findRevision(context: ApiContext, applicationName: string, location: RevisionLocation): RevisionRecord {
  const key = revisionKey(location);
  const record = context.store.state.revisions.find((candidate) => candidate.applicationName === applicationName && candidate.key === key);
  if (!record) fail('RevisionDoesNotExistException', `No application revision found for revision ${key.split('|').slice(1, 3).join('/')}`);
  return record;
}

function sortRevisions(records: RevisionRecord[], sortBy: string | undefined, sortOrder: string | undefined): RevisionRecord[] {
  const field: keyof GenericRevisionInfo = sortBy === 'firstUsedTime' ? 'firstUsedTime' : sortBy === 'lastUsedTime' ? 'lastUsedTime' : 'registerTime';
  const time = (record: RevisionRecord) => (record.info[field] as Date | undefined)?.getTime() ?? 0;
  const sorted = [...records].sort((a, b) => time(a) - time(b));
  return sortOrder === 'descending' ? sorted.reverse() : sorted;
}

/** RegisterApplicationRevision, GetApplicationRevision, BatchGetApplicationRevisions, ListApplicationRevisions. */
export function revisionOperations(context: ApiContext): Operations {
  return {
    RegisterApplicationRevision(input) {
      const applicationName = requireApplicationName(optString(input, 'applicationName'));
      findApplication(context, applicationName);
      const description = optString(input, 'description');
      if (description !== undefined && description.length > DESCRIPTION_LIMIT) fail('DescriptionTooLongException', `The description is longer than ${DESCRIPTION_LIMIT} characters.`);
      registerRevision(context, applicationName, readRevision(input), description);
      return {};
    },
    GetApplicationRevision(input) {
      const applicationName = requireApplicationName(optString(input, 'applicationName'));
      findApplication(context, applicationName);
      const record = findRevision(context, applicationName, readRevision(input));
      return { applicationName, revision: copy(record.location), revisionInfo: copy(record.info) };
    },
    BatchGetApplicationRevisions(input) {
      const applicationName = requireApplicationName(optString(input, 'applicationName'));
      findApplication(context, applicationName);
      const locations = optObjectList(input, 'revisions') ?? [];
      if (locations.length === 0) fail('RevisionRequiredException', 'The revisions list is empty');
      if (locations.length > BATCH_LIMIT) fail('BatchLimitExceededException', `At most ${BATCH_LIMIT} revisions can be requested at once.`);
      const revisions = locations.map((location: Input) => {
        const record = findRevision(context, applicationName, readRevision({ revision: location }));
        return { revisionLocation: copy(record.location), genericRevisionInfo: copy(record.info) };
      });
      return { applicationName, errorMessage: '', revisions };
    },
    ListApplicationRevisions(input) {
      const applicationName = requireApplicationName(optString(input, 'applicationName'));
      findApplication(context, applicationName);
      const bucket = optString(input, 's3Bucket');
      const prefix = optString(input, 's3KeyPrefix');
      const deployed = optString(input, 'deployed') ?? 'ignore';
      let records = context.store.state.revisions.filter((record) => record.applicationName === applicationName);
      if (bucket !== undefined) records = records.filter((record) => record.location.s3Location?.bucket === bucket);
      if (prefix !== undefined) {
        if (bucket === undefined) fail('BucketNameFilterRequiredException', 'A key prefix filter needs a bucket name filter.');
        records = records.filter((record) => record.location.s3Location?.key?.startsWith(prefix));
      }
      if (deployed === 'include') records = records.filter((record) => record.info.firstUsedTime !== undefined);
      if (deployed === 'exclude') records = records.filter((record) => record.info.firstUsedTime === undefined);
      const sorted = sortRevisions(records, optString(input, 'sortBy'), optString(input, 'sortOrder'));
      const page = paginate(sorted.map((record) => copy(record.location)), optString(input, 'nextToken'), `ListApplicationRevisions/${applicationName}`);
      return { revisions: page.items, nextToken: page.nextToken };
    },
  };
}
