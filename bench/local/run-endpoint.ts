import { endpointDeploy } from './endpoint-deploy';

/** `node out/bench/local/run-endpoint.js`: the local endpoint's deployment figures, one per line. */
async function main(): Promise<void> {
  for (const row of await endpointDeploy()) {
    process.stdout.write(`${row.name}: ${row.value} ${row.unit}${row.note ? ` (${row.note})` : ''}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
