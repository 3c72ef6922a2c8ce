import { loadState, saveStateAtomic } from './persist';
import type { LocalState } from './types';

/**
 * The in-memory state plus its file. Mutations call `changed()`; writes are coalesced to one per
 * turn of the event loop, so a burst of lifecycle updates costs one write, and `flush()` writes
 * synchronously (used on stop).
 */
export class Store {
  readonly state: LocalState;
  private pending: NodeJS.Immediate | undefined;
  private closed = false;

  constructor(
    private readonly file: string,
    private readonly onWriteError: (error: Error) => void = () => undefined,
  ) {
    this.state = loadState(file);
  }

  /** Schedules a write of the current state. */
  changed(): void {
    if (this.closed) return;
    this.pending ??= setImmediate(() => {
      // A failed background write (disk full) is reported, not thrown into the event loop; the next change retries.
      try {
        this.flush();
      } catch (error) {
        this.onWriteError(error instanceof Error ? error : new Error(String(error)));
      }
    });
  }

  /** Writes now if anything changed since the last write. */
  flush(): void {
    if (!this.pending) return;
    clearImmediate(this.pending);
    this.pending = undefined;
    saveStateAtomic(this.file, this.state);
  }

  /** Writes what is pending and ignores every later change (used on shutdown). */
  close(): void {
    this.flush();
    this.closed = true;
  }
}
