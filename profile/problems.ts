/** One thing wrong with a profile or an inventory: where, and what is allowed. */
export interface Problem {
  /** Dotted path of the field, as the user wrote it (e.g. `nodePorts.mqtt` or `dojot_nodeports.mqtt`). */
  readonly path: string;
  readonly message: string;
}

/** Every problem found in one input, reported together. */
export class ProfileError extends Error {
  constructor(
    readonly source: string,
    readonly problems: readonly Problem[],
  ) {
    super(`${source}: ${problems.length} problem(s)\n${problems.map((p) => `  - ${p.path}: ${p.message}`).join('\n')}`);
    this.name = 'ProfileError';
  }
}

/** The known name closest to `name` (edit distance at most a third of its length), if any. */
export function closest(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.ceil(name.length / 3)) + 1;
  for (const candidate of known) {
    const d = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/** "an unknown key" message naming the closest known key, or all of them when none is close. */
export function unknownKey(key: string, known: readonly string[]): string {
  const near = closest(key, known);
  return near
    ? `unknown key '${key}'; did you mean '${near}'?`
    : `unknown key '${key}'; known keys here: ${known.join(', ')}`;
}
