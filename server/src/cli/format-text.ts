import type { Severity } from '../appspec/types';
import type { Palette } from './colors';
import { countSeverities, type LintResult } from './lint-result';

const LABELS: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'info', hint: 'hint' };

/**
 * eslint's "stylish" layout: the file, then one aligned row per diagnostic (1-based line:column,
 * severity, message, code), then a summary line. Prints nothing when there is nothing to say.
 */
export function formatText(results: readonly LintResult[], colors: Palette): string {
  const withProblems = results.filter((result) => result.diagnostics.length > 0);
  if (withProblems.length === 0) return '';
  const paint: Record<Severity, (text: string) => string> = { error: colors.red, warning: colors.yellow, information: colors.blue, hint: colors.dim };
  let output = '';
  for (const result of withProblems) {
    const rows = result.diagnostics.map((d) => ({
      where: `${d.range.start.line + 1}:${d.range.start.character + 1}`,
      severity: d.severity,
      message: d.message.replace(/\s*\r?\n\s*/g, ' '),
      code: d.code,
    }));
    const whereWidth = Math.max(...rows.map((row) => row.where.length));
    const severityWidth = Math.max(...rows.map((row) => LABELS[row.severity].length));
    output += `\n${colors.underline(result.file)}\n`;
    for (const row of rows) {
      const label = paint[row.severity](LABELS[row.severity].padEnd(severityWidth));
      output += `  ${colors.dim(row.where.padEnd(whereWidth))}  ${label}  ${row.message}  ${colors.dim(row.code)}\n`;
    }
  }
  const counts = countSeverities(withProblems);
  const total = counts.error + counts.warning + counts.information + counts.hint;
  const parts = [plural(counts.error, 'error'), plural(counts.warning, 'warning')];
  if (counts.information) parts.push(`${counts.information} info`);
  if (counts.hint) parts.push(plural(counts.hint, 'hint'));
  const summary = `\u2716 ${plural(total, 'problem')} (${parts.join(', ')})`;
  const tone = counts.error ? colors.red : counts.warning ? colors.yellow : colors.blue;
  return `${output}\n${tone(colors.bold(summary))}\n`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
