/**
 * Timing helpers. Benchmarks report medians and ratios measured in the same process, never
 * absolute thresholds alone: CI machines and developer laptops differ by several times, and a
 * busy machine slows the subject and its reference alike.
 *
 * Time is the process's CPU time (user + system, all threads, so garbage collection counts), not
 * wall time: on a shared runner wall time mostly measures the neighbours (on the 2-core machine
 * these figures were first taken on, a load of 13 tripled wall times while CPU times held). For
 * this synchronous, single-threaded work both are equal on an idle machine.
 */

export interface TimingPlan {
  /** Calls before measuring, so the JIT has optimised both functions and caches are filled. */
  warmup: number;
  /** Measured rounds; each round times one batch of each function. */
  rounds: number;
  /** Calls per batch, so one batch lasts well above the CPU clock's resolution (1 µs, often coarser in practice). */
  batch: number;
}

export interface Comparison {
  /** Median milliseconds per call of the subject. */
  subjectMs: number;
  /** Median milliseconds per call of the reference. */
  referenceMs: number;
  /** Median of the per-round ratios subject / reference. */
  ratio: number;
}

/** Keeps results alive so the optimiser cannot drop a call whose value is unused. */
let sink = 0;

function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

function timeBatch(fn: () => unknown, batch: number): number {
  const start = cpuMs();
  for (let i = 0; i < batch; i++) if (fn() === sink) sink++;
  return (cpuMs() - start) / batch;
}

/** The middle value (mean of the two middle ones for an even count); NaN for no values. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The nearest-rank percentile `p` (0–100) of the values; NaN for no values. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/**
 * Times `subject` against `reference` in alternating batches (the order flips every round), so
 * load changes during the run hit both sides; the ratio is taken per round, then the median.
 */
export function compare(subject: () => unknown, reference: () => unknown, plan: TimingPlan): Comparison {
  for (let i = 0; i < plan.warmup; i++) {
    subject();
    reference();
  }
  const subjectTimes: number[] = [];
  const referenceTimes: number[] = [];
  const ratios: number[] = [];
  for (let round = 0; round < plan.rounds; round++) {
    let s: number;
    let r: number;
    if (round % 2 === 0) {
      s = timeBatch(subject, plan.batch);
      r = timeBatch(reference, plan.batch);
    } else {
      r = timeBatch(reference, plan.batch);
      s = timeBatch(subject, plan.batch);
    }
    subjectTimes.push(s);
    referenceTimes.push(r);
    ratios.push(s / r);
  }
  return { subjectMs: median(subjectTimes), referenceMs: median(referenceTimes), ratio: median(ratios) };
}

/** Milliseconds of one call, timed once: for first-call (cold) figures. */
export function timeOnce(fn: () => unknown): number {
  return timeBatch(fn, 1);
}
