export interface LocalArgs {
  port?: number;
  s3Port?: number;
  data?: string;
  instances?: number;
  timeScale?: number;
  faults?: string;
}

function number(flag: string, value: string | undefined, integer: boolean): number {
  const parsed = Number(value);
  if (value === undefined || !Number.isFinite(parsed) || parsed < 0 || (integer && !Number.isInteger(parsed))) {
    throw new Error(`${flag} needs a ${integer ? 'non-negative integer' : 'non-negative number'}`);
  }
  return parsed;
}

/** Parses the command line of dist/local.js; throws with a usage message on anything unknown. */
export function parseArgs(argv: readonly string[]): LocalArgs {
  const args: LocalArgs = {};
  for (let index = 0; index < argv.length; index += 1) {
    const flag = argv[index]!;
    const value = argv[index + 1];
    index += 1;
    if (flag === '--port') args.port = number(flag, value, true);
    else if (flag === '--s3-port') args.s3Port = number(flag, value, true);
    else if (flag === '--instances') args.instances = number(flag, value, true);
    else if (flag === '--time-scale') args.timeScale = number(flag, value, false);
    else if (flag === '--data' && value) args.data = value;
    else if (flag === '--faults' && value !== undefined) args.faults = value;
    else throw new Error(`unknown or incomplete option: ${flag} (usage: --port N --s3-port N --data DIR --instances N --time-scale X --faults throttle=0.2,5xx=0.1,latency=50)`);
  }
  return args;
}
