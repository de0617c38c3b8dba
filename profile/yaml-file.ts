import * as fs from 'node:fs';
import * as YAML from 'yaml';
import { type Problem, ProfileError } from './problems';

/** More alias expansions than any real inventory uses: beyond this, a YAML "billion laughs". */
const MAX_ALIAS_COUNT = 1000;

/** Whether a text looks like an INI inventory (`[group]` headers, `host key=value` lines). */
function looksLikeIni(text: string): boolean {
  return /^\s*\[[A-Za-z0-9_:-]+\]\s*$/m.test(text) && !/^\s*[A-Za-z0-9_-]+\s*:\s*(\S|$)/m.test(text.replace(/^\s*\[.*$/gm, ''));
}

const INI_HINT =
  'looks like an INI inventory; convert it to YAML with `ansible-inventory -i <file> --list -y > hosts.yaml` and give that file';

/** The first path at which a value contains itself (YAML aliases can make a structure circular). */
function cycleAt(value: unknown, path: string[] = [], ancestors = new Set<unknown>()): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  if (ancestors.has(value)) return path.join('.') || '(top level)';
  ancestors.add(value);
  for (const [k, v] of Object.entries(value)) {
    const found = cycleAt(v, [...path, k], ancestors);
    if (found) return found;
  }
  ancestors.delete(value);
  return undefined;
}

/**
 * Reads a YAML file as Ansible would (YAML 1.1 merge keys `<<: *base` included), refusing what
 * would otherwise crash or hang: duplicate keys, alias bombs, self-referring aliases. Every
 * failure is a ProfileError naming the file, the line and what to do.
 */
export function readYamlFile(file: string, label: string): unknown {
  let text: string;
  try {
    if (!fs.statSync(file).isFile()) throw new Error('not a file');
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new ProfileError(label, [{ path: '', message: `'${file}' is not a readable file` }]);
  }
  const doc = YAML.parseDocument(text, { uniqueKeys: true, merge: true });
  if (doc.errors.length) {
    if (looksLikeIni(text)) throw new ProfileError(file, [{ path: '(file)', message: INI_HINT }]);
    throw new ProfileError(
      file,
      doc.errors.slice(0, 5).map((e): Problem => ({ path: `line ${e.linePos?.[0].line ?? '?'}`, message: e.message.split('\n')[0] })),
    );
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new ProfileError(file, [
      { path: '(aliases)', message: `cannot be expanded (${why}); write the values out instead of nesting aliases` },
    ]);
  }
  const cycle = cycleAt(value);
  if (cycle)
    throw new ProfileError(file, [
      { path: cycle, message: 'contains itself through a YAML alias (*name inside its own &name); write the values out' },
    ]);
  if (typeof value === 'string' && looksLikeIni(text)) throw new ProfileError(file, [{ path: '(file)', message: INI_HINT }]);
  return value;
}
