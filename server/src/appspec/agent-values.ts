import { isScalar, type Node, type Scalar } from 'yaml';

/**
 * The CodeDeploy agent's conversions of AppSpec values: Ruby methods applied to what its YAML
 * loader (Psych, YAML 1.1) made of the text. The rules that predict what the agent will do and
 * the local agent that does it both read values through these functions, so the editor and a
 * local deployment can never disagree about one AppSpec.
 */

/**
 * Ruby's `String#to_i`: leading blanks, a sign, then digits; anything else stops it.
 *
 * It never fails: text with no leading integer is 0, and text after the number is ignored, so
 * `"30s"` is 30 and `"five minutes"` is 0. Single underscores between digits are allowed because
 * Ruby allows them in integer literals (`"1_000"` is 1000; `"1__0"` stops at the first `_`).
 */
export function rubyStringToI(text: string): number {
  const match = /^\s*([+-]?)(\d+(?:_\d+)*)/.exec(text);
  if (!match) return 0;
  const value = Number(match[2].replace(/_/g, ''));
  return match[1] === '-' ? -value : value;
}

/** What the agent made of a `timeout`: seconds (exact when written as a whole number), its default (3600), or a crash. */
export type TimeoutReading = { seconds: number; exact: boolean } | 'default' | 'crash';

/**
 * The agent's `(timeout || 3600).to_i` on a loaded `timeout` value.
 *
 * `||` replaces only nil and false, so `timeout: false` quietly means 3600 while `timeout: true`
 * crashes (true has no `to_i`), as do lists, mappings and timestamps. Floats truncate toward zero
 * (`1.9` is 1, `0.5` is 0 and then rejected by the caller's "must be positive" check).
 */
export function readTimeout(node: Node | null | undefined): TimeoutReading {
  if (node == null) return 'default';
  if (!isScalar(node)) return 'crash';
  const value = node.value;
  if (value === null || value === false) return 'default';
  if (typeof value === 'number') return { seconds: Math.trunc(value), exact: Number.isInteger(value) };
  if (typeof value === 'string') return { seconds: rubyStringToI(value), exact: /^\s*[+-]?\d+(?:_\d+)*\s*$/.test(value) };
  return 'crash';
}

/** True when a number is written as a float (`644.0`, `1e3`, `.inf`), not as an integer (`0x1E` is one). */
export function isFloatSyntax(source: string): boolean {
  const text = source.trim();
  return !/^[+-]?0x/i.test(text) && /[.eE]|inf|nan/i.test(text);
}

/**
 * Ruby's `to_s` of a loaded scalar, or undefined for a timestamp (the agent's safe loader refuses it).
 *
 * The YAML library gives `644.0` and `644` the same JavaScript number, but Psych loads the first
 * as a Float whose `to_s` is "644.0": the written form decides. nil's `to_s` is "".
 */
export function rubyScalarText(scalar: Scalar): string | undefined {
  const value = scalar.value;
  const source = typeof scalar.source === 'string' ? scalar.source : '';
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return undefined;
  if (typeof value === 'number') return isFloatSyntax(source) && Number.isInteger(value) ? `${value}.0` : String(value);
  return String(value);
}

/** Why the agent's ModeInfo rejects a mode: too long, or a character that is not an octal digit. */
export type ModeProblem = { kind: 'length'; length: number } | { kind: 'character'; character: string };

/** A `mode` as the agent reads it: its padded text, and either its permission bits or the problem. */
export type ModeReading = { text: string; bits: number; problem?: undefined } | { text: string; problem: ModeProblem };

/**
 * E-P-MODE-1: the agent's ModeInfo on the `to_s` of a mode.
 *
 * The text is zero-padded to three characters (so `7` is 007 and an empty string 000), then may
 * have at most four characters, each 0-7. The digits are read as written, whatever number YAML
 * loaded: an unquoted `0644` is the octal integer 420 to YAML, so the agent applies mode 420, and
 * `0755` becomes 493, which is rejected for its 9.
 */
export function readMode(written: string): ModeReading {
  const text = written.padStart(3, '0');
  if (text.length > 4) return { text, problem: { kind: 'length', length: text.length } };
  const character = text.split('').find((char) => char < '0' || char > '7');
  if (character !== undefined) return { text, problem: { kind: 'character', character } };
  return { text, bits: parseInt(text, 8) };
}

/** `rwxr-x---` for the last three digits of a valid mode text (the owner, group and other bits). */
export function modeSymbols(text: string): string {
  return text
    .slice(-3)
    .split('')
    .map((digit) => {
      const bits = Number(digit);
      return `${bits & 4 ? 'r' : '-'}${bits & 2 ? 'w' : '-'}${bits & 1 ? 'x' : '-'}`;
    })
    .join('');
}

/** E-P-ACL-6: a default ACL entry (`d:…`, `default:…`), which only a folder can carry. */
export function isDefaultAclEntry(entry: string): boolean {
  return /^\s*d(efault)?:/.test(entry);
}

/** E-P-PAT-1: the agent's simple glob for `pattern` and `except`: `*` is the only wildcard and matches any run of characters. */
export function agentGlob(glob: string): RegExp {
  const escaped = glob.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${escaped.join('.*')}$`);
}
