import * as assert from 'node:assert/strict';
import { analyzeAppSpec, validateAppSpec, type AnalyzeOptions, type ValidateOptions } from '../../server/src/appspec/analyze';
import { PositionMap } from '../../server/src/appspec/positions';
import type { AppSpecDiagnostic, Range, Severity } from '../../server/src/appspec/types';

/** Removes the common indentation and the first line break, so documents can be written inline. */
export function dedent(text: string): string {
  const body = text.replace(/^\n/, '');
  const indents = body.split('\n').filter((line) => line.trim() !== '').map((line) => /^ */.exec(line)![0].length);
  const cut = indents.length ? Math.min(...indents) : 0;
  return body.split('\n').map((line) => line.slice(cut)).join('\n');
}

/**
 * A test document with its expected range marked `[[like this]]`: returns the text without the
 * markers and the marked ranges in order.
 */
export function marked(source: string): { text: string; ranges: Range[] } {
  let text = '';
  const offsets: Array<[number, number]> = [];
  const open: number[] = [];
  for (let i = 0; i < source.length; i++) {
    if (source.startsWith('[[', i)) {
      open.push(text.length);
      i++;
    } else if (source.startsWith(']]', i) && open.length) {
      offsets.push([open.pop()!, text.length]);
      i++;
    } else text += source[i];
  }
  const positions = new PositionMap(text);
  return { text, ranges: offsets.sort((a, b) => a[0] - b[0]).map(([start, end]) => positions.range(start, end)) };
}

export function diagnose(text: string, options: AnalyzeOptions = {}): AppSpecDiagnostic[] {
  return analyzeAppSpec(text, options).diagnostics;
}

export async function diagnoseRevision(text: string, options: ValidateOptions): Promise<AppSpecDiagnostic[]> {
  return (await validateAppSpec(text, options)).diagnostics;
}

export function codes(diagnostics: AppSpecDiagnostic[]): string[] {
  return diagnostics.map((diagnostic) => diagnostic.code);
}

function describe(diagnostics: AppSpecDiagnostic[]): string {
  return JSON.stringify(diagnostics.map((d) => ({ code: d.code, severity: d.severity, range: d.range, message: d.message })), null, 1);
}

/**
 * Asserts that `code` is reported exactly at each range marked in `source` (and nowhere else),
 * with `severity`. Returns those diagnostics for message checks.
 */
export function expectAt(source: string, code: string, severity: Severity, options: AnalyzeOptions = {}): AppSpecDiagnostic[] {
  const { text, ranges } = marked(dedent(source));
  return checkAt(diagnose(text, options), code, severity, ranges);
}

export async function expectRevisionAt(source: string, code: string, severity: Severity, options: ValidateOptions): Promise<AppSpecDiagnostic[]> {
  const { text, ranges } = marked(dedent(source));
  return checkAt(await diagnoseRevision(text, options), code, severity, ranges);
}

function checkAt(all: AppSpecDiagnostic[], code: string, severity: Severity, ranges: Range[]): AppSpecDiagnostic[] {
  assert.equal(all.filter((d) => d.code === 'internal-error').length, 0, `a rule crashed:\n${describe(all)}`);
  const found = all.filter((diagnostic) => diagnostic.code === code);
  assert.deepEqual(found.map((d) => d.range), ranges, `ranges of ${code}; all diagnostics:\n${describe(all)}`);
  for (const diagnostic of found) assert.equal(diagnostic.severity, severity, `severity of ${code}`);
  return found;
}

/** Asserts that the document gets no diagnostics at all (of any severity unless `atLeast` narrows it). */
export function expectClean(source: string, options: AnalyzeOptions = {}): void {
  const all = diagnose(dedent(source), options);
  assert.deepEqual(all, [], `expected no diagnostics:\n${describe(all)}`);
}

/** A valid ECS `Resources:` section (one service with its task definition and load balancer), for tests about other keys. */
export const ECS_RESOURCES = [
  'Resources:',
  '  - TargetService:',
  '      Type: AWS::ECS::Service',
  '      Properties:',
  '        TaskDefinition: "arn:aws:ecs:eu-west-1:111122223333:task-definition/web:3"',
  '        LoadBalancerInfo: {ContainerName: web, ContainerPort: 80}',
].join('\n');
