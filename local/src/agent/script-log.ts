import { appendFileSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';

/** BatchGetDeploymentTargets returns this much of an event's output as `logTail`. */
export const LOG_TAIL_BYTES = 4096;

/**
 * The deployment's scripts.log (`<deployment>/logs/scripts.log`, as on an instance) and, per
 * lifecycle event, the in-memory text its diagnostics' logTail is cut from. Lines are written
 * synchronously so the file is in order even when stdout and stderr interleave.
 */
export class ScriptLog {
  constructor(private readonly file: string) {
    mkdirSync(path.dirname(file), { recursive: true });
  }

  /** Starts an event's section of the log. */
  event(name: string): EventLog {
    return new EventLog(name, (line) => appendFileSync(this.file, `[${timestamp()}] ${line}\n`));
  }
}

export class EventLog {
  private text = '';

  constructor(
    readonly eventName: string,
    private readonly write: (line: string) => void,
  ) {}

  script(location: string): void {
    this.add(`LifecycleEvent - ${this.eventName}`);
    this.add(`Script - ${location}`);
  }

  output(stream: 'stdout' | 'stderr', line: string): void {
    this.add(`[${stream}]${line}`);
  }

  /** A message from the local agent itself (settings it does not apply, ignored failures). */
  note(message: string): void {
    this.add(`[local-agent]${message}`);
  }

  /** The last LOG_TAIL_BYTES bytes of the event's log, cut on a character boundary. */
  tail(): string {
    const bytes = Buffer.from(this.text, 'utf8');
    if (bytes.length <= LOG_TAIL_BYTES) return this.text;
    let start = bytes.length - LOG_TAIL_BYTES;
    while (start < bytes.length && ((bytes[start] ?? 0) & 0xc0) === 0x80) start++;
    return bytes.subarray(start).toString('utf8');
  }

  private add(line: string): void {
    this.write(line);
    this.text += `${line}\n`;
    // Keep memory bounded for chatty scripts; a little slack keeps the tail exact.
    if (this.text.length > LOG_TAIL_BYTES * 4) this.text = this.text.slice(-LOG_TAIL_BYTES * 2);
  }
}

function timestamp(): string {
  return new Date().toISOString().replace('T', ' ').replace('Z', '');
}
