import * as fs from 'node:fs';
import * as path from 'node:path';
import type { InstanceAgent } from './agent/types';
import type { ApiContext } from './api/context';
import { registerInstance } from './api/on-premises';
import { allOperations } from './api/operations';
import { generateKeyPair, PROFILE, writeCredentialsFile } from './credentials';
import { DeploymentEngine } from './deploy/engine';
import { failInterruptedDeployments } from './deploy/recover-interrupted';
import { createFaultInjector, type FaultOptions } from './faults';
import { BundleStore } from './s3/bundle-download';
import { startLocalS3 } from './s3/s3-server';
import { ACCOUNT_ID, startListener } from './server/http-listener';
import type { KeyPair } from './server/sigv4-verify';
import { lockDataDir } from './state/data-lock';
import { Store } from './state/store';

export interface LocalCodeDeployOptions {
  /** Folder for state, S3 objects, instances, hook functions and the credentials file. */
  dataDir: string;
  /** CodeDeploy port; 0 (default) picks a free one. */
  port?: number;
  /** S3 port; 0 (default) picks a free one. */
  s3Port?: number;
  /** Pre-registers instances `local-1` … `local-N` (tags Name=local-N, Environment=local). */
  instances?: number;
  /** The agent that runs lifecycle events on instance folders. */
  agent?: InstanceAgent;
  /** Multiplies simulated waits (ECS/Lambda canary and linear intervals, Ready waits); default 1. */
  timeScale?: number;
  faults?: FaultOptions;
  /** Where diagnostics go; default nowhere. Never receives keys or signatures. */
  log?: (line: string) => void;
}

export interface LocalCodeDeploy {
  endpoint: string;
  s3Endpoint: string;
  /** The generated key pair (also in `credentialsFile`). */
  credentials: KeyPair;
  credentialsFile: string;
  /** The bucket that exists from the start. */
  bucket: string;
  /** Ids of deployments that were running at the last stop and were ended as Failed on this start. */
  interruptedDeployments: string[];
  /** Counts of injected faults, for tests. */
  faultCounts: { throttled: number; serverErrors: number };
  stop(): Promise<void>;
}

/** Starts the local CodeDeploy: S3 (s3rver) and the CodeDeploy endpoint on loopback, state under dataDir. */
export async function startLocalCodeDeploy(options: LocalCodeDeployOptions): Promise<LocalCodeDeploy> {
  const dataDir = path.resolve(options.dataDir);
  const log = options.log ?? (() => undefined);
  const instancesDir = path.join(dataDir, 'instances');
  const functionsDir = path.join(dataDir, 'functions');
  for (const dir of [dataDir, instancesDir, functionsDir, path.join(dataDir, 's3')]) fs.mkdirSync(dir, { recursive: true });

  const unlock = lockDataDir(dataDir);
  const keys = generateKeyPair();
  const credentialsFile = path.join(dataDir, 'credentials');
  writeCredentialsFile(credentialsFile, keys);

  // Bundles are per running deployment; any left over belong to deployments a crash cut short.
  fs.rmSync(path.join(dataDir, 'bundles'), { recursive: true, force: true });
  const store = new Store(path.join(dataDir, 'state.json'), (error) => log(`could not save the state: ${error.message}`));
  const interruptedDeployments = failInterruptedDeployments(store.state);
  if (interruptedDeployments.length > 0) store.changed();

  const s3 = await startLocalS3(path.join(dataDir, 's3'), options.s3Port ?? 0, keys);
  const s3Endpoint = `http://127.0.0.1:${s3.port}`;
  const bundles = new BundleStore(s3Endpoint, keys);
  const hookEnvironment: Record<string, string> = {};
  const engine = new DeploymentEngine({
    store,
    hookEnvironment,
    agent: options.agent,
    bundles,
    bundlesDir: path.join(dataDir, 'bundles'),
    instancesDir,
    functionsDir,
    timeScale: options.timeScale ?? 1,
    log,
  });
  const context: ApiContext = { store, runner: engine, instancesDir };
  for (let index = 1; index <= (options.instances ?? 0); index += 1) {
    const name = `local-${index}`;
    const existing = store.state.instances[name];
    if (existing && !existing.deregisterTime) continue;
    registerInstance(context, name, 'us-east-1', ACCOUNT_ID, {
      iamSessionArn: `arn:aws:sts::${ACCOUNT_ID}:assumed-role/local-codedeploy/${name}`,
      tags: [
        { Key: 'Name', Value: name },
        { Key: 'Environment', Value: 'local' },
      ],
    });
  }
  const faults = createFaultInjector(options.faults ?? {});
  let listener: Awaited<ReturnType<typeof startListener>>;
  try {
    listener = await startListener({ port: options.port ?? 0, keys, operations: allOperations(context), faults, log });
  } catch (error) {
    await s3.stop();
    unlock();
    throw error;
  }
  store.flush();
  const endpoint = `http://127.0.0.1:${listener.port}`;
  Object.assign(hookEnvironment, {
    AWS_ENDPOINT_URL_CODEDEPLOY: endpoint,
    AWS_ENDPOINT_URL_S3: s3Endpoint,
    AWS_SHARED_CREDENTIALS_FILE: credentialsFile,
    AWS_PROFILE: PROFILE,
    AWS_REGION: 'us-east-1',
  });

  let stopping: Promise<void> | undefined;
  return {
    endpoint,
    s3Endpoint,
    credentials: keys,
    credentialsFile,
    bucket: 'local-codedeploy',
    interruptedDeployments,
    faultCounts: faults.counts,
    stop() {
      stopping ??= (async () => {
        await new Promise<void>((resolve) => {
          listener.server.close(() => resolve());
          listener.server.closeAllConnections();
        });
        // Freeze the saved state first: deployments cut short here must read as interrupted on the next start.
        store.close();
        await engine.close();
        bundles.close();
        await s3.stop();
        unlock();
      })();
      return stopping;
    },
  };
}
