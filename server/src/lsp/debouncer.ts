/**
 * Per-key debounce with a leading edge: the first change after a quiet spell runs on the next
 * turn of the event loop (so a single keystroke is validated at once, and changes that arrived
 * in the same batch coalesce), while a burst of changes runs once, `delayMs` after the last one.
 */
export class Debouncer {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly lastRun = new Map<string, number>();

  constructor(private readonly delayMs: number) {}

  schedule(key: string, run: () => void): void {
    const pending = this.timers.get(key);
    if (pending) clearTimeout(pending);
    const quiet = Date.now() - (this.lastRun.get(key) ?? 0) >= this.delayMs;
    const wait = !pending && quiet ? 0 : this.delayMs;
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.lastRun.set(key, Date.now());
        run();
      }, wait),
    );
  }

  cancel(key: string): void {
    const pending = this.timers.get(key);
    if (pending) clearTimeout(pending);
    this.timers.delete(key);
    this.lastRun.delete(key);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
