import { CODES } from '../appspec/codes';
import { MAX_PARSE_CHARACTERS } from '../appspec/parse';
import { PositionMap } from '../appspec/positions';
import type { AppSpecDiagnostic } from '../appspec/types';

/** Text to validate, or a diagnostic saying why the bytes are not AppSpec text. */
export type Decoded = { text: string } | { diagnostic: AppSpecDiagnostic };

/** Above this many bytes the text has more characters than the engine checks, whatever the encoding. */
export const MAX_APPSPEC_BYTES = 3 * MAX_PARSE_CHARACTERS;

/**
 * Turns an AppSpec's bytes into text the way the agent's YAML loader accepts them: UTF-8, with
 * an optional BOM (dropped, as editors drop it, so positions match the editor's). UTF-16 and
 * invalid UTF-8 become a located `binary-file` diagnostic instead of mangled text.
 */
export function decodeAppSpec(bytes: Uint8Array): Decoded {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { diagnostic: atStart('The file is UTF-16 encoded; the CodeDeploy agent reads AppSpec files as UTF-8. Save it as UTF-8.') };
  }
  const invalid = firstInvalidUtf8(bytes);
  if (invalid < 0) return { text: new TextDecoder('utf-8').decode(bytes) };
  const before = new TextDecoder('utf-8').decode(bytes.subarray(0, invalid));
  const positions = new PositionMap(before + ' ');
  const start = positions.position(before.length);
  const byte = bytes[invalid].toString(16).toUpperCase().padStart(2, '0');
  return {
    diagnostic: {
      code: 'binary-file',
      severity: CODES['binary-file'].severity,
      message: `The file is not valid UTF-8 (byte 0x${byte} on line ${start.line + 1}); the agent's YAML loader refuses it. Save the file as UTF-8.`,
      range: { start, end: { line: start.line, character: start.character + 1 } },
    },
  };
}

/** The diagnostic for a file too large to be an AppSpec, made without reading it. */
export function tooLarge(bytes: number): AppSpecDiagnostic {
  return {
    code: 'file-too-large',
    severity: CODES['file-too-large'].severity,
    message: `The file has ${bytes.toLocaleString('en-US')} bytes; AppSpec files are checked up to ${MAX_PARSE_CHARACTERS.toLocaleString('en-US')} characters, and no real AppSpec is this large.`,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
  };
}

function atStart(message: string): AppSpecDiagnostic {
  return { code: 'binary-file', severity: CODES['binary-file'].severity, message, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
}

/** Offset of the first byte that is not part of a well-formed UTF-8 sequence (RFC 3629), or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i];
    if (lead < 0x80) {
      i++;
      continue;
    }
    let length: number;
    let min: number;
    if (lead >= 0xc2 && lead <= 0xdf) [length, min] = [2, 0x80];
    else if (lead >= 0xe0 && lead <= 0xef) [length, min] = [3, 0x800];
    else if (lead >= 0xf0 && lead <= 0xf4) [length, min] = [4, 0x10000];
    else return i;
    if (i + length > bytes.length) return i;
    let code = lead & (0xff >> (length + 1));
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      if ((next & 0xc0) !== 0x80) return i;
      code = (code << 6) | (next & 0x3f);
    }
    // Overlong forms, UTF-16 surrogates and values past U+10FFFF are not UTF-8.
    if (code < min || (code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) return i;
    i += length;
  }
  return -1;
}
