import { CODES, type DiagnosticCode } from './codes';
import type { PositionMap } from './positions';
import type { AppSpecDiagnostic, FixData, Range, SeverityOverride } from './types';
import { nodeSpan, type AnyNode, type Pair } from './yaml-nodes';

/** Where a diagnostic points: a node, a pair (key through value), offsets, or a ready range. */
export type Target = AnyNode | Pair | { start: number; end: number } | Range;

export type SeverityOverrides = Readonly<Partial<Record<string, SeverityOverride>>>;

/** Collects diagnostics with their exact ranges, applying the user's severity choices per code. */
export class Reporter {
  readonly diagnostics: AppSpecDiagnostic[] = [];

  constructor(
    private readonly positions: PositionMap,
    private readonly overrides: SeverityOverrides = {},
  ) {}

  report(code: DiagnosticCode, target: Target, message: string, data?: FixData): void {
    const choice = this.overrides[code];
    if (choice === 'off') return;
    const diagnostic: AppSpecDiagnostic = {
      code,
      severity: choice ?? CODES[code].severity,
      message,
      range: this.rangeOf(target),
    };
    if (data) diagnostic.data = data;
    this.diagnostics.push(diagnostic);
  }

  rangeOf(target: Target): Range {
    if ('start' in target && 'end' in target) {
      if (typeof target.start === 'number' && typeof target.end === 'number') return this.positions.range(target.start, target.end);
      return target as Range;
    }
    const [spanStart, end] = nodeSpan(target as AnyNode | Pair);
    let start = spanStart;
    // A tag (`!Ref x`) sits before the node's own range; a diagnostic about the node covers it.
    const tag = (target as { tag?: string }).tag;
    if (tag?.startsWith('!')) {
      const tagStart = this.positions.lastIndexOnLine(tag, start);
      if (tagStart >= 0) start = tagStart;
    }
    return this.positions.trimmedRange(start, end);
  }
}
