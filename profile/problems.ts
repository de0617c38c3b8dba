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

/**
 * Text of the input made safe to print on one line: every control character (C0, DEL, C1), and
 * the Unicode line and paragraph separators, as an escape (`\n`, `\x1b`, `\u2028`), so that a value
 * can neither rewrite the user's terminal nor forge a line of our output.
 */
export function printable(text: string): string {
  const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding the control characters is the point
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => {
    if (Object.hasOwn(named, c)) return named[c];
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** `path: message`, or the message alone for a problem of the input as a whole (empty path); one line whatever the input held. */
export const describeProblem = (p: Problem) => printable(p.path ? `${p.path}: ${p.message}` : p.message);

function formatProblems(source: string, problems: readonly Problem[]): string {
  const sources = new Set(problems.map((p) => p.source ?? source));
  if (sources.size <= 1) {
    const only = [...sources][0] ?? source;
    if (problems.length === 1) return `${printable(only)}: ${describeProblem(problems[0])}`;
    return `${printable(only)}: ${problems.length} problems\n${problems.map((p) => `  - ${describeProblem(p)}`).join('\n')}`;
  }
  return `${problems.length} problems\n${problems.map((p) => `  - ${printable(p.source ?? source)}: ${describeProblem(p)}`).join('\n')}`;
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
