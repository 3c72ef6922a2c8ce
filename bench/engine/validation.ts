import { parseDocument } from 'yaml';
import { analyzeAppSpec } from '../../server/src/appspec';
import type { BenchModule, BenchRow } from '../bench-row';
import { compare, timeOnce, type TimingPlan } from '../timing';
import { generateAppSpec, TYPICAL_APPSPEC } from './appspec-texts';

/** Validation may cost at most this many bare parses of the same text (the floor of this design). */
const MAX_RATIO = 2;
/** Warm validation of a typical file must stay under this, so validate-as-you-type is free. */
const MAX_TYPICAL_MS = 1;
const LARGE_LINES = 5_000;

/** Text → diagnostics without revision checks: what the editor runs on every change. */
function validate(text: string): number {
  return analyzeAppSpec(text).diagnostics.length;
}

function ratioRows(label: string, text: string, plan: TimingPlan, unit: 'µs' | 'ms'): BenchRow[] {
  const { subjectMs, referenceMs, ratio } = compare(() => validate(text), () => parseDocument(text), plan);
  const scale = unit === 'µs' ? 1000 : 1;
  return [
    { name: `${label}: yaml.parseDocument (median)`, value: referenceMs * scale, unit },
    { name: `${label}: validation (median)`, value: subjectMs * scale, unit },
    { name: `${label}: validation / parse`, value: ratio, unit: '×', target: `≤ ${MAX_RATIO}×`, ok: ratio <= MAX_RATIO },
  ];
}

/** Engine validation time against the bare YAML parse, for a typical and a generated large AppSpec. */
export const engineValidation: BenchModule = {
  name: 'engine',
  async run() {
    const large = generateAppSpec(LARGE_LINES);
    // The first call in the process compiles the platform's JSON Schema: what opening the first file costs.
    const cold = timeOnce(() => validate(TYPICAL_APPSPEC));
    const typical = ratioRows('typical 40-line AppSpec', TYPICAL_APPSPEC, { warmup: 2_000, rounds: 101, batch: 50 }, 'µs');
    const typicalMs = typical[1].value / 1000;
    const rows: BenchRow[] = [
      { name: 'typical 40-line AppSpec: first validation in the process (cold)', value: cold, unit: 'ms' },
      ...typical,
      { name: 'typical 40-line AppSpec: validation warm (median)', value: typicalMs, unit: 'ms', target: `< ${MAX_TYPICAL_MS} ms`, ok: typicalMs < MAX_TYPICAL_MS },
      ...ratioRows(`generated ${LARGE_LINES.toLocaleString('en-US')}-line AppSpec`, large, { warmup: 10, rounds: 21, batch: 2 }, 'ms'),
    ];
    return rows;
  },
};
