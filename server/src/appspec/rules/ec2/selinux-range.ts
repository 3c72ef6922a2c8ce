/**
 * The agent's SELinux range grammar (RangeInfo): `s<N>[-s<M>][:c<a>[.c<b>][,…]]` with M ≥ N,
 * categories 0–1023, ascending ranges and no category twice. Returns why a range is rejected.
 */
export function rangeProblem(range: string): string | undefined {
  try {
    const [sensitivities, categories] = splitOnce(range, ':');
    const [low, high] = splitOnce(sensitivities, '-');
    const lowLevel = level(low, 's', 'sensitivity');
    if (high !== undefined && level(high, 's', 'sensitivity') < lowLevel) return `the high sensitivity ${high} is below the low one ${low}`;
    if (categories !== undefined) {
      const numbers: number[] = [];
      for (const part of rubySplit(categories, ',')) {
        const [from, to] = splitOnce(part, '.');
        const first = category(from);
        const last = to === undefined ? first : category(to);
        if (last < first) return `the category range ${part} runs backwards`;
        for (let n = first; n <= last; n++) numbers.push(n);
      }
      if (new Set(numbers).size !== numbers.length) return 'a category appears twice';
    }
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/** Ruby's `split(sep, 2)` with the agent's check that no part is empty. */
function splitOnce(input: string, separator: string): [string, string | undefined] {
  const at = input.indexOf(separator);
  const parts: [string, string | undefined] = at < 0 ? [input, undefined] : [input.slice(0, at), input.slice(at + 1)];
  if (parts[0] === '' || parts[1] === '') throw new Error(`"${input}" has an empty part`);
  return parts;
}

/** Ruby's `split(sep)`: trailing empty fields are dropped. */
function rubySplit(input: string, separator: string): string[] {
  const parts = input.split(separator);
  while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}

function level(text: string, letter: string, what: string): number {
  if (!new RegExp(`^${letter}\\d+$`).test(text)) throw new Error(`"${text}" is not a ${what} (${letter} followed by digits)`);
  return Number(text.slice(1));
}

function category(text: string): number {
  const value = level(text, 'c', 'category');
  if (value > 1023) throw new Error(`category ${text} is above c1023`);
  return value;
}
