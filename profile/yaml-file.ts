import * as fs from 'node:fs';
import * as YAML from 'yaml';
import { type Problem, ProfileError } from './problems';

/** More alias expansions than any real inventory uses: beyond this, a YAML "billion laughs". */
const MAX_ALIAS_COUNT = 1000;

/**
 * The largest file read, by what it is: a profile or an environments file is a page of settings;
 * an inventory's hosts file may list tens of thousands of hosts. A larger file is refused before
 * it is parsed, so that its size cannot exhaust the memory.
 */
export const MAX_FILE_BYTES = { settings: 1024 * 1024, inventory: 16 * 1024 * 1024 } as const;

/** Deeper than any of our inputs nests (a profile is 4 levels, an inventory's groups a dozen). */
const MAX_DEPTH = 64;

/** Whether a value nests deeper than MAX_DEPTH, walked without recursion. */
function tooDeepAt(value: unknown): boolean {
  const stack: { v: unknown; depth: number }[] = [{ v: value, depth: 0 }];
  while (stack.length) {
    const { v, depth } = stack.pop() as { v: unknown; depth: number };
    if (v === null || typeof v !== 'object') continue;
    if (depth >= MAX_DEPTH) return true;
    for (const child of Object.values(v)) stack.push({ v: child, depth: depth + 1 });
  }
  return false;
}

/** The first key a mapping of the document holds twice (YAML 1.2, 3.2.1.1: keys are unique), in linear time. */
function firstDuplicateKey(doc: YAML.Document.Parsed, lines: YAML.LineCounter): Problem | undefined {
  const stack: unknown[] = [doc.contents];
  while (stack.length) {
    const node = stack.pop();
    if (YAML.isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        const key = YAML.isScalar(pair.key) ? pair.key.value : pair.key;
        if (YAML.isScalar(pair.key) && key !== '<<') {
          if (seen.has(key)) {
            const line = pair.key.range ? lines.linePos(pair.key.range[0]).line : '?';
            return { path: `line ${line}`, message: `Map keys must be unique: ${String(key)} is given twice in its mapping` };
          }
          seen.add(key);
        }
        stack.push(pair.value);
      }
    } else if (YAML.isSeq(node)) {
      stack.push(...node.items);
    }
  }
  return undefined;
}

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
export function readYamlFile(file: string, label: string, maxBytes: number = MAX_FILE_BYTES.settings): unknown {
  let text: string;
  let size: number;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw new Error('not a file');
    size = stat.size;
  } catch {
    throw new ProfileError(label, [{ path: '', message: `'${file}' is not a readable file` }]);
  }
  if (size > maxBytes)
    throw new ProfileError(file, [
      { path: '(file)', message: `is ${size} bytes; at most ${maxBytes} (${maxBytes / 1024 / 1024} MiB) are read: is it the right file?` },
    ]);
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new ProfileError(label, [{ path: '', message: `'${file}' is not a readable file` }]);
  }
  const nestedTooDeep = () =>
    new ProfileError(file, [{ path: '(file)', message: `nests deeper than ${MAX_DEPTH} levels, which no profile or inventory does` }]);
  let doc: YAML.Document.Parsed;
  const lines = new YAML.LineCounter();
  try {
    // Duplicate keys are found below, in one pass: the library's own check (uniqueKeys) compares
    // each key with every earlier one, which is quadratic in an inventory of many hosts.
    doc = YAML.parseDocument(text, { uniqueKeys: false, merge: true, lineCounter: lines });
  } catch (e) {
    if (e instanceof RangeError) throw nestedTooDeep();
    throw e;
  }
  if (doc.errors.length) {
    // The parser reports its own stack overflow as an error of the document.
    if (doc.errors.some((e) => e.message.includes('Maximum call stack size exceeded'))) throw nestedTooDeep();
    if (looksLikeIni(text)) throw new ProfileError(file, [{ path: '(file)', message: INI_HINT }]);
    throw new ProfileError(
      file,
      doc.errors.slice(0, 5).map((e): Problem => ({ path: `line ${e.linePos?.[0].line ?? '?'}`, message: e.message.split('\n')[0] })),
    );
  }
  const duplicate = firstDuplicateKey(doc, lines);
  if (duplicate) throw new ProfileError(file, [duplicate]);
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    if (e instanceof RangeError) throw nestedTooDeep();
    const why = e instanceof Error ? e.message : String(e);
    throw new ProfileError(file, [
      { path: '(aliases)', message: `cannot be expanded (${why}); write the values out instead of nesting aliases` },
    ]);
  }
  // Cycles first (a cycle is deeper than any depth); a walk that overflows the stack is nesting too deep.
  let cycle: string | undefined;
  try {
    cycle = cycleAt(value);
  } catch (e) {
    if (e instanceof RangeError) throw nestedTooDeep();
    throw e;
  }
  if (cycle)
    throw new ProfileError(file, [
      { path: cycle, message: 'contains itself through a YAML alias (*name inside its own &name); write the values out' },
    ]);
  if (tooDeepAt(value)) throw nestedTooDeep();
  if (typeof value === 'string' && looksLikeIni(text)) throw new ProfileError(file, [{ path: '(file)', message: INI_HINT }]);
  return value;
}
