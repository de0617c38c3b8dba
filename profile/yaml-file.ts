import * as fs from 'node:fs';
import * as YAML from 'yaml';
import { ANSIBLE_YAML } from './ansible-yaml';
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

interface DocumentShape {
  /** The first key a mapping holds twice (YAML 1.2, 3.2.1.1: keys are unique). */
  readonly duplicate?: Problem;
  /** Whether its collections nest deeper than MAX_DEPTH. */
  readonly tooDeep: boolean;
  /** Whether it has aliases (`*name`), which can make its value deeper than its text, or circular. */
  readonly aliases: boolean;
}

/** One walk of the document, without recursion and in linear time: duplicates, depth, aliases. */
function shapeOf(doc: YAML.Document.Parsed, lines: YAML.LineCounter): DocumentShape {
  const nodes: unknown[] = [doc.contents];
  const depths: number[] = [0];
  let aliases = false;
  let tooDeep = false;
  while (nodes.length) {
    const node = nodes.pop();
    const depth = depths.pop() as number;
    if (YAML.isAlias(node)) aliases = true;
    if (!YAML.isMap(node) && !YAML.isSeq(node)) continue;
    if (depth >= MAX_DEPTH) tooDeep = true;
    if (YAML.isSeq(node)) {
      for (const item of node.items) {
        nodes.push(item);
        depths.push(depth + 1);
      }
      continue;
    }
    const seen = new Set<unknown>();
    for (const pair of node.items) {
      if (YAML.isScalar(pair.key)) {
        const key = pair.key.value;
        if (key !== '<<' && seen.has(key)) {
          const line = pair.key.range ? lines.linePos(pair.key.range[0]).line : '?';
          return {
            duplicate: { path: `line ${line}`, message: `Map keys must be unique: ${String(key)} is given twice in its mapping` },
            tooDeep,
            aliases,
          };
        }
        seen.add(key);
      } else if (YAML.isAlias(pair.key)) aliases = true;
      nodes.push(pair.value);
      depths.push(depth + 1);
    }
  }
  return { tooDeep, aliases };
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
 * How a file is read: our own files (profiles, environments) as YAML 1.2 with merge keys; an
 * Ansible file as Ansible reads it: JSON first, then YAML by PyYAML's 1.1 rules
 * (ansible/parsing/utils/yaml.py, from_yaml: `json.loads`, then the YAML loader).
 */
export type YamlDialect = 'yaml-1.2' | 'ansible';

/** The JSON reading of an Ansible file, or undefined when it is not JSON. */
function asJson(text: string): { value: unknown } | undefined {
  if (!/^\s*[[{"]/.test(text)) return undefined;
  try {
    return { value: JSON.parse(text) };
  } catch {
    return undefined;
  }
}

/**
 * Reads a YAML file (YAML 1.1 merge keys `<<: *base` included), refusing what would otherwise
 * crash or hang: duplicate keys, alias bombs, self-referring aliases, nesting too deep. Every
 * failure is a ProfileError naming the file, the line and what to do.
 */
export function readYamlFile(
  file: string,
  label: string,
  maxBytes: number = MAX_FILE_BYTES.settings,
  dialect: YamlDialect = 'yaml-1.2',
): unknown {
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
  const json = dialect === 'ansible' ? asJson(text) : undefined;
  if (json) {
    if (tooDeepAt(json.value)) throw nestedTooDeep();
    return json.value;
  }
  let doc: YAML.Document.Parsed;
  const lines = new YAML.LineCounter();
  try {
    // Duplicate keys are found below, in one pass: the library's own check (uniqueKeys) compares
    // each key with every earlier one, which is quadratic in an inventory of many hosts.
    const options = dialect === 'ansible' ? ANSIBLE_YAML : { merge: true };
    doc = YAML.parseDocument(text, { ...options, uniqueKeys: false, lineCounter: lines });
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
  const shape = shapeOf(doc, lines);
  if (shape.duplicate) throw new ProfileError(file, [shape.duplicate]);
  if (shape.tooDeep) throw nestedTooDeep();
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
  // Without aliases, the value is as deep as the text (checked above) and cannot be circular.
  if (shape.aliases) {
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
  }
  if (typeof value === 'string' && looksLikeIni(text)) throw new ProfileError(file, [{ path: '(file)', message: INI_HINT }]);
  return value;
}
