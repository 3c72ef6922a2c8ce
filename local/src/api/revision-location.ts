import { createHash } from 'node:crypto';
import type { RevisionLocation } from '@aws-sdk/client-codedeploy';
import { fail } from '../server/api-error';
import { asShape, optObject, type Input } from '../server/input';

const BUNDLE_TYPES = ['zip', 'tar', 'tgz', 'YAML', 'JSON'];

/** Reads and checks a RevisionLocation member: RevisionRequiredException / InvalidRevisionException. */
export function readRevision(input: Input, name = 'revision'): RevisionLocation {
  const revision = asShape<RevisionLocation>(optObject(input, name));
  if (!revision) fail('RevisionRequiredException', 'Revision is missing');
  switch (revision.revisionType) {
    case 'S3': {
      const s3 = revision.s3Location;
      if (!s3?.bucket || !s3.key) fail('InvalidRevisionException', 'An S3 revision needs s3Location.bucket and s3Location.key');
      if (s3.bundleType !== undefined && !BUNDLE_TYPES.includes(s3.bundleType)) fail('InvalidRevisionException', `The bundle type is invalid: ${s3.bundleType}`);
      return { revisionType: 'S3', s3Location: { ...s3 } };
    }
    case 'AppSpecContent':
      if (typeof revision.appSpecContent?.content !== 'string' || revision.appSpecContent.content === '') fail('InvalidRevisionException', 'An AppSpecContent revision needs appSpecContent.content');
      return { revisionType: 'AppSpecContent', appSpecContent: { content: revision.appSpecContent.content, sha256: sha256(revision.appSpecContent.content) } };
    case 'String':
      if (typeof revision.string?.content !== 'string' || revision.string.content === '') fail('InvalidRevisionException', 'A String revision needs string.content');
      return { revisionType: 'String', string: { content: revision.string.content, sha256: sha256(revision.string.content) } };
    case 'GitHub':
      if (!revision.gitHubLocation?.repository || !revision.gitHubLocation.commitId) fail('InvalidRevisionException', 'A GitHub revision needs gitHubLocation.repository and commitId');
      return { revisionType: 'GitHub', gitHubLocation: { ...revision.gitHubLocation } };
    default:
      fail('InvalidRevisionException', `The revision type is invalid: ${String(revision.revisionType)}`);
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The identity of a revision: the same location (and version/ETag) is the same revision. */
export function revisionKey(location: RevisionLocation): string {
  const s3 = location.s3Location;
  if (s3) return `S3|${s3.bucket}|${s3.key}|${s3.version ?? ''}|${s3.eTag ?? ''}|${s3.bundleType ?? ''}`;
  if (location.gitHubLocation) return `GitHub|${location.gitHubLocation.repository}|${location.gitHubLocation.commitId}`;
  if (location.appSpecContent) return `AppSpecContent|${location.appSpecContent.sha256}`;
  return `String|${location.string?.sha256 ?? ''}`;
}
