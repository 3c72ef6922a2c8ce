/** One line of the benchmark table; `ok` is absent for figures that have no target. */
export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  /** What the figure must meet, in words: "≤ 2×", "< 1 ms". */
  target?: string;
  ok?: boolean;
  /** What the figure includes or leaves out, when its name alone does not say. */
  note?: string;
}

/** A group of benchmark rows (engine, lsp, local), listed in bench/run.ts's registry. */
export interface BenchModule {
  /** Short name: the group's label in the table and its key in bench-results/. */
  name: string;
  run(): Promise<BenchRow[]>;
}
