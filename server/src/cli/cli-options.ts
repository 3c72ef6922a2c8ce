import { parseArgs } from 'node:util';
import type { Platform } from '../appspec/types';

export type OutputFormat = 'text' | 'json' | 'sarif';

/** What the command line asks for. */
export interface CliOptions {
  format: OutputFormat;
  paths: string[];
  revisionChecks: boolean;
  platform?: Platform;
  /** Exit 1 when there are more warnings than this (like eslint's --max-warnings). */
  maxWarnings?: number;
  help: boolean;
  version: boolean;
}

/** A command line the CLI cannot act on; exit code 2. */
export class UsageError extends Error {}

const FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif'];
const PLATFORMS: readonly Platform[] = ['ec2', 'ecs', 'lambda'];

/** Parses argv (without node and the script) with node's own parser; throws UsageError with a message for people. */
export function parseCliOptions(argv: readonly string[]): CliOptions {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  const options: CliOptions = {
    format: oneOf('--format', values.format ?? 'text', FORMATS),
    paths: positionals,
    revisionChecks: !values['no-revision-checks'],
    help: values.help ?? false,
    version: values.version ?? false,
  };
  if (values.platform !== undefined) options.platform = oneOf('--platform', values.platform, PLATFORMS);
  if (values['max-warnings'] !== undefined) options.maxWarnings = count('--max-warnings', values['max-warnings']);
  if (!options.help && !options.version && options.paths.length === 0) throw new UsageError('No PATH given: name one or more AppSpec files or revision folders.');
  return options;
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: 'string', short: 'f' },
      platform: { type: 'string' },
      'max-warnings': { type: 'string' },
      'no-revision-checks': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
}

function oneOf<T extends string>(option: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${option} must be one of ${allowed.join(', ')}: ${value}`);
}

function count(option: string, value: string): number {
  if (/^\d+$/.test(value)) return Number(value);
  throw new UsageError(`${option} takes a whole number of warnings (0 or more): ${value}`);
}
