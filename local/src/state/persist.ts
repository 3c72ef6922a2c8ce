import * as fs from 'node:fs';
import * as path from 'node:path';
import { emptyState, type LocalState } from './types';

const FORMAT_VERSION = 1;

/** Dates are written as `{"$date": ms}` so reading them back never mistakes a user's string for a date. */
function encode(this: unknown, key: string, value: unknown): unknown {
  const original = (this as Record<string, unknown>)[key];
  return original instanceof Date ? { $date: original.getTime() } : value;
}

function decode(_key: string, value: unknown): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const keys = Object.keys(value);
    const date = (value as { $date?: unknown }).$date;
    if (keys.length === 1 && typeof date === 'number') return new Date(date);
  }
  return value;
}

/** Reads the state file, or an empty state when there is none yet. */
export function loadState(file: string): LocalState {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyState();
    throw error;
  }
  const parsed = JSON.parse(text, decode) as { version?: number; state?: LocalState };
  if (parsed.version !== FORMAT_VERSION || !parsed.state) throw new Error(`unsupported state file format in ${file}`);
  return { ...emptyState(), ...parsed.state };
}

/** Writes the state to a temporary file beside the target and renames it over: readers never see half a file. */
export function saveStateAtomic(file: string, state: LocalState): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  const descriptor = fs.openSync(temporary, 'w', 0o600);
  try {
    fs.writeSync(descriptor, JSON.stringify({ version: FORMAT_VERSION, state }, encode));
    fs.fsyncSync(descriptor);
  } finally {
    fs.closeSync(descriptor);
  }
  fs.renameSync(temporary, file);
}
