import { spawn, type ChildProcess } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createInterface } from 'node:readline';
import { CodeDeployClient } from '@aws-sdk/client-codedeploy';
import { S3Client } from '@aws-sdk/client-s3';
import { fromIni } from '@aws-sdk/credential-providers';
import { createInstanceAgent } from '../../../local/src/agent';
import { startLocalCodeDeploy, type LocalCodeDeploy, type LocalCodeDeployOptions } from '../../../local/src/index';

/** The repository root (tests run from out/test/local/support). */
export const REPO_ROOT = path.resolve(__dirname, '../../../..');

/** A fresh temporary folder; remove it with `removeDir`. */
export async function tempDir(prefix = 'local-cd-'): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), prefix));
}

export async function removeDir(dir: string): Promise<void> {
  await fs.rm(dir, { recursive: true, force: true, maxRetries: 3 });
}

export interface Endpoint {
  endpoint: string;
  s3Endpoint: string;
  credentialsFile: string;
  dataDir: string;
  codedeploy(overrides?: Partial<ConstructorParameters<typeof CodeDeployClient>[0]>): CodeDeployClient;
  s3(): S3Client;
  stop(): Promise<void>;
}

function clients(endpoint: string, s3Endpoint: string, credentialsFile: string) {
  // Every start writes fresh keys to the same file, so the SDK's file cache must not answer.
  const credentials = fromIni({ filepath: credentialsFile, profile: 'local-codedeploy', ignoreCache: true });
  const made: Array<{ destroy(): void }> = [];
  return {
    made,
    codedeploy(overrides: Partial<ConstructorParameters<typeof CodeDeployClient>[0]> = {}) {
      const client = new CodeDeployClient({ endpoint, region: 'us-east-1', credentials, ...overrides });
      made.push(client);
      return client;
    },
    s3() {
      const client = new S3Client({ endpoint: s3Endpoint, region: 'us-east-1', credentials, forcePathStyle: true });
      made.push(client);
      return client;
    },
  };
}

/** Starts the endpoint in this process (the real server) with the real agent. */
export async function startInProcess(options: Partial<LocalCodeDeployOptions> = {}): Promise<Endpoint & { local: LocalCodeDeploy }> {
  const dataDir = options.dataDir ?? (await tempDir());
  const local = await startLocalCodeDeploy({ agent: createInstanceAgent(), ...options, dataDir });
  const made = clients(local.endpoint, local.s3Endpoint, local.credentialsFile);
  return {
    local,
    endpoint: local.endpoint,
    s3Endpoint: local.s3Endpoint,
    credentialsFile: local.credentialsFile,
    dataDir,
    codedeploy: made.codedeploy,
    s3: made.s3,
    async stop() {
      for (const client of made.made) client.destroy();
      await local.stop();
      if (!options.dataDir) await removeDir(dataDir);
    },
  };
}

export interface EndpointProcess extends Endpoint {
  child: ChildProcess;
  /** Kills the process with `signal` and waits for it to exit (the data folder stays). */
  kill(signal: NodeJS.Signals): Promise<void>;
}

const BANNER = /^codedeploy endpoint (http:\/\/127\.0\.0\.1:\d+) s3 (http:\/\/127\.0\.0\.1:\d+) credentials (.+)$/;

/** Starts `node dist/local.js` and reads its banner line. The data folder is the caller's to remove. */
export async function startProcess(args: string[]): Promise<EndpointProcess & { banner: string }> {
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'dist/local.js'), ...args], { stdio: ['ignore', 'pipe', 'pipe'], cwd: REPO_ROOT });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const banner = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => resolve(line));
    child.once('exit', (code) => reject(new Error(`dist/local.js exited with ${code} before its banner: ${stderr}`)));
  });
  const match = BANNER.exec(banner);
  if (!match) throw new Error(`unexpected banner: ${banner}`);
  const [, endpoint, s3Endpoint, credentialsFile] = match as unknown as [string, string, string, string];
  const made = clients(endpoint, s3Endpoint, credentialsFile);
  const dataIndex = args.indexOf('--data');
  const kill = async (signal: NodeJS.Signals) => {
    for (const client of made.made) client.destroy();
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return { banner, child, endpoint, s3Endpoint, credentialsFile, dataDir: dataIndex >= 0 ? args[dataIndex + 1]! : '', codedeploy: made.codedeploy, s3: made.s3, kill, stop: () => kill('SIGTERM') };
}

/** Polls `check` until it returns a value (not undefined); the way a user watches a deployment. */
export async function waitFor<T>(check: () => Promise<T | undefined>, what: string, timeoutMs = 20000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
