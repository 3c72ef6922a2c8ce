import * as assert from 'node:assert/strict';
import { isScalar, type Node, type Scalar } from 'yaml';
import { isFloatSyntax, readMode, readTimeout, rubyScalarText, rubyStringToI, type ModeReading } from '../../../server/src/appspec/agent-values';
import { parseAppSpec } from '../../../server/src/appspec/parse';

/** The value of `v:` as the engine's YAML 1.1 parser loads it (null when nothing follows the colon). */
function loaded(written: string): Node | null {
  const root = parseAppSpec(`v: ${written}\n`).document?.contents;
  assert.ok(root && 'items' in root, `"v: ${written}" did not parse as a mapping`);
  const pair = root.items[0] as { value: Node | null } | undefined;
  return pair?.value ?? null;
}

function scalar(written: string): Scalar {
  const node = loaded(written);
  assert.ok(isScalar(node), `${written} is not a scalar`);
  return node;
}

/** The mode text and bits the agent gets from a written `mode:` value. */
function mode(written: string): ModeReading {
  const text = rubyScalarText(scalar(written));
  assert.notEqual(text, undefined);
  return readMode(text!);
}

describe('agent values: Ruby String#to_i', () => {
  it('keeps the leading integer and ignores the rest', () => {
    assert.equal(rubyStringToI('30s'), 30);
    assert.equal(rubyStringToI(' 12 '), 12);
    assert.equal(rubyStringToI('+7 days'), 7);
  });

  it('reads single underscores between digits, and stops at a double one', () => {
    assert.equal(rubyStringToI('1_000'), 1000);
    assert.equal(rubyStringToI('1__000'), 1);
    assert.equal(rubyStringToI('_1'), 0);
  });

  it('is 0 for text with no leading integer and negative for a minus sign', () => {
    assert.equal(rubyStringToI('five minutes'), 0);
    assert.equal(rubyStringToI(''), 0);
    assert.equal(rubyStringToI('-5'), -5);
    assert.equal(rubyStringToI('- 5'), 0);
  });
});

describe('agent values: (timeout || 3600).to_i', () => {
  it('reads text with to_i, exact only when the text is a whole number', () => {
    assert.deepEqual(readTimeout(loaded('"30s"')), { seconds: 30, exact: false });
    assert.deepEqual(readTimeout(loaded('"five minutes"')), { seconds: 0, exact: false });
    assert.deepEqual(readTimeout(loaded('" 10 "')), { seconds: 10, exact: true });
    assert.deepEqual(readTimeout(loaded('1_000')), { seconds: 1000, exact: true });
  });

  it('truncates floats toward zero and keeps negatives, for the caller to reject', () => {
    assert.deepEqual(readTimeout(loaded('1.9')), { seconds: 1, exact: false });
    assert.deepEqual(readTimeout(loaded('-1.9')), { seconds: -1, exact: false });
    assert.deepEqual(readTimeout(loaded('-10')), { seconds: -10, exact: true });
    assert.deepEqual(readTimeout(loaded('"-10"')), { seconds: -10, exact: true });
  });

  it('takes the default for nothing, null and false, as Ruby || does', () => {
    for (const written of ['', '~', 'null', 'false', 'no']) assert.equal(readTimeout(loaded(written)), 'default', written);
    assert.equal(readTimeout(null), 'default');
  });

  it('crashes on true, timestamps, lists and mappings, which have no to_i', () => {
    for (const written of ['true', 'yes', '2026-11-22', '[30]', '{s: 30}']) assert.equal(readTimeout(loaded(written)), 'crash', written);
  });
});

describe('agent values: Ruby to_s of a loaded scalar', () => {
  it('gives the decimal digits of an integer YAML read as octal or hexadecimal', () => {
    assert.equal(rubyScalarText(scalar('0644')), '420');
    assert.equal(rubyScalarText(scalar('0x1E')), '30');
    assert.equal(rubyScalarText(scalar('1_000')), '1000');
  });

  it('keeps ".0" on floats whose value is whole, as Ruby Float#to_s does', () => {
    assert.equal(rubyScalarText(scalar('644.0')), '644.0');
    assert.equal(rubyScalarText(scalar('6.44')), '6.44');
    assert.equal(rubyScalarText(scalar('-1.0')), '-1.0');
  });

  it('writes booleans and null the Ruby way, strings as they are, and refuses timestamps', () => {
    assert.equal(rubyScalarText(scalar('yes')), 'true');
    assert.equal(rubyScalarText(scalar('~')), '');
    assert.equal(rubyScalarText(scalar('"0755"')), '0755');
    assert.equal(rubyScalarText(scalar('u+x')), 'u+x');
    assert.equal(rubyScalarText(scalar('2026-11-22')), undefined);
  });

  it('tells float syntax from integers, hexadecimal ones included', () => {
    for (const source of ['644.0', '1e3', '.inf', '-.Inf', '.nan']) assert.equal(isFloatSyntax(source), true, source);
    for (const source of ['644', '0644', '0x1E', '-0xE', '1_000']) assert.equal(isFloatSyntax(source), false, source);
  });
});

describe('agent values: the agent\'s mode rule (E-P-MODE-1)', () => {
  it('applies the decimal digits of an unquoted 0644, i.e. mode 420', () => {
    assert.deepEqual(mode('0644'), { text: '420', bits: 0o420 });
  });

  it('rejects an unquoted 0755, which YAML reads as 493', () => {
    assert.deepEqual(mode('0755'), { text: '493', problem: { kind: 'character', character: '9' } });
  });

  it('accepts quoted and plain digits, padding short modes to three', () => {
    assert.deepEqual(mode('"0755"'), { text: '0755', bits: 0o755 });
    assert.deepEqual(mode('644'), { text: '644', bits: 0o644 });
    assert.deepEqual(mode('7'), { text: '007', bits: 0o7 });
    assert.deepEqual(mode('""'), { text: '000', bits: 0 });
    assert.deepEqual(mode('1_000'), { text: '1000', bits: 0o1000 });
  });

  it('rejects more than four characters, floats, symbolic modes and negatives', () => {
    assert.deepEqual(mode('12345'), { text: '12345', problem: { kind: 'length', length: 5 } });
    assert.deepEqual(mode('6.44'), { text: '6.44', problem: { kind: 'character', character: '.' } });
    assert.deepEqual(mode('644.0'), { text: '644.0', problem: { kind: 'length', length: 5 } });
    assert.deepEqual(mode('u+x'), { text: 'u+x', problem: { kind: 'character', character: 'u' } });
    assert.deepEqual(mode('-7'), { text: '0-7', problem: { kind: 'character', character: '-' } });
    assert.deepEqual(mode('-644'), { text: '-644', problem: { kind: 'character', character: '-' } });
  });
});
