import * as path from 'node:path';
import { createInstanceAgent } from './agent';
import { parseFaults } from './faults';
import { startLocalCodeDeploy } from './index';
import { parseArgs } from './main-args';

/** `node dist/local.js [--port N] [--s3-port N] [--data DIR] [--instances N] [--time-scale X] [--faults SPEC]` */
async function main(): Promise<void> {
  // The SDK versions are pinned for Node 20 (DESIGN.md); its warning about future releases would only
  // clutter the endpoint's stderr, which tools read.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const args = parseArgs(process.argv.slice(2));
  const local = await startLocalCodeDeploy({
    dataDir: path.resolve(args.data ?? '.local-codedeploy'),
    port: args.port,
    s3Port: args.s3Port,
    instances: args.instances,
    timeScale: args.timeScale,
    faults: parseFaults(args.faults ?? process.env.LOCAL_CODEDEPLOY_FAULTS),
    agent: createInstanceAgent(),
    log: (line) => process.stderr.write(`${line}\n`),
  });
  // The one-line banner is a contract that tools parse.
  process.stdout.write(`codedeploy endpoint ${local.endpoint} s3 ${local.s3Endpoint} credentials ${local.credentialsFile}\n`);
  for (const id of local.interruptedDeployments) process.stderr.write(`deployment ${id} was running at the last stop and is now Failed\n`);
  const shutdown = () => {
    void local.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  process.stderr.write(`local codedeploy: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});
