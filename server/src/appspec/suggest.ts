/** Edit distance with transpositions (Damerau, optimal string alignment), capped for speed. */
function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return Number.POSITIVE_INFINITY;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array(rows * cols).fill(0);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[(i - 1) * cols + j] + 1, d[i * cols + j - 1] + 1, d[(i - 1) * cols + j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[(i - 2) * cols + j - 2] + 1);
      d[i * cols + j] = best;
    }
  }
  return d[rows * cols - 1];
}

/** Folds what authors get wrong without meaning to: case, separators, and l/I/1 look-alikes. */
function fold(name: string): string {
  return name.toLowerCase().replace(/[\s_\-.]/g, '').replace(/[1|]/g, 'l').replace(/0/g, 'o');
}

/**
 * The nearest valid name for a misspelling, or undefined when nothing is close enough:
 * `Beforelnstall` → BeforeInstall, `AfterInstal` → AfterInstall, `overwrite` → OVERWRITE,
 * `Before Install` → BeforeInstall.
 */
export function suggest(written: string, candidates: readonly string[]): string | undefined {
  if (candidates.includes(written)) return undefined;
  const folded = fold(written);
  if (folded === '') return undefined;
  const exactFold = candidates.find((candidate) => fold(candidate) === folded);
  if (exactFold) return exactFold;
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const d = distance(folded, fold(candidate));
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  // One edit for short names, two for longer ones: close enough to be a slip, not another word.
  const allowed = folded.length <= 4 ? 1 : folded.length <= 9 ? 2 : 3;
  return bestDistance <= allowed ? best : undefined;
}

/** " Did you mean X?" or nothing, to append to a message. */
export function didYouMean(suggestion: string | undefined): string {
  return suggestion ? ` Did you mean ${suggestion}?` : '';
}
