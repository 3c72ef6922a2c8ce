import * as assert from 'node:assert/strict';
import { decodeAppSpec, firstInvalidUtf8 } from '../../../server/src/cli/decode-appspec';

describe('cli: decoding AppSpec bytes', () => {
  it('accepts well-formed UTF-8 of every length, and drops a BOM as editors do', () => {
    const text = 'a é € 𝄞 ❌ 한국어';
    assert.equal(firstInvalidUtf8(new TextEncoder().encode(text)), -1);
    assert.deepEqual(decodeAppSpec(Buffer.from(`\ufeff${text}`)), { text });
  });

  it('finds the first byte that is not UTF-8: stray continuation, overlong form, surrogate, past U+10FFFF, cut short', () => {
    const cases: Array<[number[], number]> = [
      [[0x61, 0x80], 1],
      [[0x61, 0xc0, 0xaf], 1],
      [[0xe0, 0x80, 0xaf], 0],
      [[0x61, 0x62, 0xed, 0xa0, 0x80], 2],
      [[0xf4, 0x90, 0x80, 0x80], 0],
      [[0x61, 0xe2, 0x82], 1],
      [[0x61, 0xe9, 0x61], 1],
    ];
    for (const [bytes, offset] of cases) assert.equal(firstInvalidUtf8(Uint8Array.from(bytes)), offset, bytes.map((b) => b.toString(16)).join(' '));
  });

  it('locates invalid bytes by line and UTF-16 column, after CRLF and astral characters', () => {
    const bytes = Buffer.concat([Buffer.from('version: 0.0\r\n# 𝄞 '), Buffer.from([0xff])]);
    const decoded = decodeAppSpec(bytes);
    assert.ok('diagnostic' in decoded);
    assert.deepEqual(decoded.diagnostic.range, { start: { line: 1, character: 5 }, end: { line: 1, character: 6 } });
    assert.equal(decoded.diagnostic.code, 'binary-file');
  });
});
