/**
 * Per-key debounce that only waits under a burst. A change after a quiet spell (no change for
 * `quietMs`, nothing scheduled, no validation still running) runs on the next turn of the event
 * loop, so a keystroke is validated at once and changes of one batch coalesce. Changes closer
 * together than that (a paste, auto-repeat, a formatter, a script driving the editor) run once,
 * `delayMs` after the last one.
 */
export class Debouncer {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly lastChange = new Map<string, number>();

  constructor(
    private readonly delayMs: number,
    private readonly quietMs: number,
  ) {}

  schedule(key: string, run: () => void, busy = false): void {
    const now = Date.now();
    const pending = this.timers.get(key);
    if (pending) clearTimeout(pending);
    const quiet = now - (this.lastChange.get(key) ?? 0) >= this.quietMs;
    this.lastChange.set(key, now);
    const wait = !pending && !busy && quiet ? 0 : this.delayMs;
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        run();
      }, wait),
    );
  }

  cancel(key: string): void {
    const pending = this.timers.get(key);
    if (pending) clearTimeout(pending);
    this.timers.delete(key);
    this.lastChange.delete(key);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
