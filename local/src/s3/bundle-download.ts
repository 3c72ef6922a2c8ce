import * as fs from 'node:fs';
import * as path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { S3Location } from '@aws-sdk/client-codedeploy';
import type { KeyPair } from '../server/sigv4-verify';

/** Reads revisions from the local S3 through the S3 protocol, as the agent would from Amazon S3. */
export class BundleStore {
  private readonly client: S3Client;

  constructor(endpoint: string, keys: KeyPair) {
    this.client = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials: keys });
  }

  /** Downloads the object to `file`; returns its ETag. Throws with the S3 error's name on failure. */
  async download(location: S3Location, file: string): Promise<string | undefined> {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const output = await this.client.send(
      new GetObjectCommand({ Bucket: location.bucket, Key: location.key, VersionId: location.version, IfMatch: location.eTag ? quoted(location.eTag) : undefined }),
    );
    await pipeline(output.Body as Readable, fs.createWriteStream(file));
    return output.ETag?.replace(/"/g, '');
  }

  /** Reads a small object (a YAML/JSON AppSpec for ECS and Lambda) as text. */
  async readText(location: S3Location): Promise<string> {
    const output = await this.client.send(new GetObjectCommand({ Bucket: location.bucket, Key: location.key, VersionId: location.version }));
    return output.Body!.transformToString('utf8');
  }

  close(): void {
    this.client.destroy();
  }
}

function quoted(eTag: string): string {
  return eTag.startsWith('"') ? eTag : `"${eTag}"`;
}
