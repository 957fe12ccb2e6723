/** "did you mean": the closest known name to a typo, when it is close enough to be the likely intent. */

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return row[b.length]!;
}

export function closest(typo: string, known: readonly string[]): string | undefined {
  const t = typo.toLowerCase();
  let best: string | undefined;
  let bestScore = Infinity;
  for (const name of known) {
    // A truncated name (`--writ`, `length-to-cou`) is the likeliest intent of all.
    const score = name.startsWith(t) && t.length >= 3 ? 0.5 : distance(t, name.toLowerCase());
    if (score < bestScore) {
      bestScore = score;
      best = name;
    }
  }
  const limit = Math.max(2, Math.floor(typo.length / 3));
  return bestScore <= limit ? best : undefined;
}

/** ` (did you mean 'x'?)` or ''. */
export function didYouMean(typo: string, known: readonly string[], show: (name: string) => string = (n) => `'${n}'`): string {
  const hit = closest(typo, known);
  return hit === undefined ? '' : ` (did you mean ${show(hit)}?)`;
}
