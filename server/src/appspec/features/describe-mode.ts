import { modeSymbols, readMode, rubyScalarText } from '../agent-values';
import { isQuoted, scalarSource, type Scalar } from '../yaml-nodes';

/**
 * What the agent will really apply for a `mode` value (appspec-rules.md E-P-MODE-1/2), read the
 * way the agent reads it: Ruby's to_s of the loaded value, left-padded to three digits. An
 * unquoted `0644` is YAML octal, loaded as 420, so the agent applies mode 420.
 */
export function describeMode(node: Scalar): string {
  const written = scalarSource(node) ?? '';
  const text = rubyScalarText(node);
  if (text === undefined) return `\`mode: ${written}\` is read as a timestamp, which the agent's YAML loader refuses.`;
  const octalTrap = !isQuoted(node) && typeof node.value === 'number' && /^[+-]?0[0-7]+$/.test(written) && written.replace(/^[+-]?0+/, '') !== text;
  const lead = octalTrap ? `YAML reads the unquoted \`${written}\` as an octal number, **${text}** in decimal; the agent takes those digits. ` : '';
  const reading = readMode(text);
  if (reading.problem) {
    return `${lead}\`mode: ${written}\` → "${reading.text}": not up to four octal digits, so the agent **rejects** the AppSpec.${octalTrap ? ` Write \`"${written}"\` (quoted).` : ''}`;
  }
  const digits = reading.text;
  const special = digits.length === 4 ? Number(digits[0]) : 0;
  const specials = [special & 4 ? 'setuid' : '', special & 2 ? 'setgid' : '', special & 1 ? 'sticky' : ''].filter(Boolean);
  const fix = octalTrap ? ` Write \`"${written}"\` (quoted) for mode ${written.replace(/^0(?=\d{3}$)/, '')}.` : '';
  return `${lead}\`mode: ${written}\` → mode **${digits}** (\`${modeSymbols(digits)}\`${specials.length ? `, ${specials.join(', ')}` : ''}).${fix}`;
}
