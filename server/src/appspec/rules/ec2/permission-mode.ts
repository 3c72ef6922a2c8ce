import { isFloatSyntax, modeSymbols, readMode, rubyScalarText, type ModeProblem, type ModeReading } from '../../agent-values';
import { isTemplated } from '../../placeholders';
import { isNullValue, isQuoted, isScalar, scalarSource, scalarValue, type AnyNode } from '../../yaml-nodes';
import { ec2Rule } from '../rule';

/** The agent's reading of a scalar `mode`, or undefined for a list, mapping or timestamp (which it refuses). */
function agentMode(node: AnyNode): ModeReading | undefined {
  const text = isScalar(node) ? rubyScalarText(node) : undefined;
  return text === undefined ? undefined : readMode(text);
}

/** The reason in the words of a diagnostic. */
function describeProblem(problem: ModeProblem): string {
  return problem.kind === 'length'
    ? `it has ${problem.length} characters, and a mode has at most four digits`
    : `"${problem.character}" is not an octal digit (0-7)`;
}

/**
 * E-P-MODE-1..3, E-P-OWN-2: `mode` as the agent reads it. YAML 1.1 turns an unquoted `0644` into
 * the integer 420, whose decimal digits the agent then uses as the mode: a different mode, or a
 * rejected one when the digits include 8 or 9.
 */
export const permissionMode = ec2Rule('permission-mode', ({ model, report }) => {
  for (const entry of model.permissions) {
    const field = entry.fields.get('mode');
    if (!field || isNullValue(field.value)) continue;
    const node = field.value!;
    const written = scalarSource(node) ?? '';
    if (typeof scalarValue(node) === 'string' && isTemplated(String(scalarValue(node)))) continue;
    const reading = agentMode(node);
    if (reading === undefined) {
      const what = isScalar(node) ? `the timestamp ${written}` : 'a list or mapping';
      report('invalid-mode', node, `\`mode\` must be up to four octal digits such as 644 or "0755"; the agent rejects ${what}.`);
      continue;
    }
    const text = reading.text;
    const loadedAsOctal = isScalar(node) && !isQuoted(node) && typeof node.value === 'number' && written.trim() !== String(node.value) && !isFloatSyntax(written);
    const base = /^[+-]?0x/i.test(written.trim()) ? 'hexadecimal' : 'octal';
    const quotable = /^0[0-7]{3,4}$/.test(written.trim());
    const quoted = `"${written.trim()}"`;
    if (reading.problem) {
      const problem = describeProblem(reading.problem);
      const how = loadedAsOctal
        ? `YAML reads the unquoted ${written} as the octal number ${String(node.value)} and the agent uses its decimal digits as the mode, which it rejects: ${problem}. Quote it: mode: ${quoted}.`
        : `The agent rejects mode ${written === '' ? '""' : written}: ${problem}. Write three or four octal digits, such as 644 or "0755"; symbolic modes such as u+x are not supported.`;
      report('invalid-mode', node, how, loadedAsOctal ? { replacement: quoted } : undefined);
      continue;
    }
    if (loadedAsOctal) {
      const meant = written.trim().replace(/^0+(?=\d{3})/, '');
      const intended = quotable ? `, not ${meant} (${modeSymbols(meant)})` : '';
      report('octal-mode', node, `YAML reads the unquoted ${written} as the ${base} number ${text}; the agent applies mode ${text} (${modeSymbols(text)})${intended}.${quotable ? ` Quote it: mode: ${quoted}.` : ''}`, quotable ? { replacement: quoted } : undefined);
      continue;
    }
    const special = text.length === 4 ? Number(text[0]) & 6 : 0;
    const chown = entry.fields.get('owner') ?? entry.fields.get('group');
    if (special && chown && !isNullValue(chown.value)) {
      const bits = [special & 4 ? 'setuid' : '', special & 2 ? 'setgid' : ''].filter(Boolean).join(' and ');
      report('setuid-cleared', node, `The agent sets the mode before it changes owner and group, and Linux clears ${bits} on that change: files end up with mode ${text.slice(1)}, not ${text}. Set the bit in an AfterInstall script instead.`);
    }
  }
});
