/** One thing wrong with a profile or an inventory: where, and what is allowed. */
export interface Problem {
  /** Dotted path of the field, as the user wrote it (e.g. `nodePorts.mqtt` or `dojot_nodeports.mqtt`). */
  readonly path: string;
  readonly message: string;
  /** The input (file, preset or flag) it comes from, when several inputs were read. @default the error's source */
  readonly source?: string;
}

/** Every problem found in the inputs, reported together, one line each. */
export class ProfileError extends Error {
  constructor(
    readonly source: string,
    readonly problems: readonly Problem[],
  ) {
    super(formatProblems(source, problems));
    this.name = 'ProfileError';
  }
}

/** `path: message`, or the message alone for a problem of the input as a whole (empty path). */
export const describeProblem = (p: Problem) => (p.path ? `${p.path}: ${p.message}` : p.message);

function formatProblems(source: string, problems: readonly Problem[]): string {
  const sources = new Set(problems.map((p) => p.source ?? source));
  if (sources.size <= 1) {
    const only = [...sources][0] ?? source;
    if (problems.length === 1) return `${only}: ${describeProblem(problems[0])}`;
    return `${only}: ${problems.length} problems\n${problems.map((p) => `  - ${describeProblem(p)}`).join('\n')}`;
  }
  return `${problems.length} problems\n${problems.map((p) => `  - ${p.source ?? source}: ${describeProblem(p)}`).join('\n')}`;
}

/** The problems with their source set, for merging the problems of several inputs. */
export const fromSource = (source: string, problems: readonly Problem[]): Problem[] =>
  problems.map((p) => ({ ...p, source: p.source ?? source }));

const normalize = (s: string) => s.toLowerCase().replace(/[-_]/g, '');

/**
 * The known name the user most likely meant: the same name in another case or separator style
 * (`insecure_mqtt` for `insecureMqtt`), else the nearest by edit distance when it is near enough
 * to be a typo (at most 1 edit for short names, a quarter of the length for long ones) and no
 * other name is as near.
 */
export function closest(name: string, known: readonly string[]): string | undefined {
  const same = known.filter((k) => normalize(k) === normalize(name));
  if (same.length === 1) return same[0];
  const limit = Math.max(1, Math.floor(name.length / 4));
  const scored = known.map((k) => ({ k, d: editDistance(normalize(name), normalize(k)) })).filter((x) => x.d <= limit);
  if (!scored.length) return undefined;
  const best = Math.min(...scored.map((x) => x.d));
  const winners = scored.filter((x) => x.d === best);
  return winners.length === 1 ? winners[0].k : undefined;
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

/** One line for an unknown key: the likely intended one when there is one, never the whole list. */
export function unknownKey(key: string, known: readonly string[], where: string): string {
  const near = closest(key, known);
  return near
    ? `unknown key '${key}'; did you mean '${near}'?`
    : `unknown key '${key}': not a setting of ${where} (the README's profile reference lists them)`;
}
