/** A small deterministic generator (LCG) in [0, 1), so a failure names a mutation that can be replayed. */
export function seededRandom(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
}

/** Text a person might type, paste or fumble into a YAML document, awkward pieces included. */
export const TYPED_PIECES = ['-', ':', ' ', '\n', '\t', '[', ']', '{', '}', '"', "'", '&a', '*a', '!Ref', '#', '|', '?', ',', '0', '~', '\r', '\uFEFF', '\uD800', '%{', '${x}', '  '];

/** Inserts, deletes, re-indents or duplicates pieces of the text (one to four steps), as editing in progress does. */
export function mutate(text: string, next: () => number, pieces: readonly string[] = TYPED_PIECES): string {
  let result = text;
  for (let step = 0; step < 1 + Math.floor(next() * 4); step++) {
    const at = Math.floor(next() * (result.length + 1));
    const lines = result.split('\n');
    const line = Math.floor(next() * lines.length);
    switch (Math.floor(next() * 4)) {
      case 0:
        result = result.slice(0, at) + pieces[Math.floor(next() * pieces.length)] + result.slice(at);
        break;
      case 1:
        result = result.slice(0, at) + result.slice(at + 1 + Math.floor(next() * 5));
        break;
      case 2:
        lines[line] = next() < 0.5 ? `  ${lines[line]}` : lines[line].replace(/^ {1,2}/, '');
        result = lines.join('\n');
        break;
      default:
        lines.splice(line, 0, lines[Math.floor(next() * lines.length)]);
        result = lines.join('\n');
    }
  }
  return result;
}
