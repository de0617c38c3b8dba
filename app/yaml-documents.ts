import * as fs from 'node:fs';
import * as YAML from 'yaml';

/**
 * cdk8s's YAML (`Yaml.save`: YAML 1.1, no line wrapping, undefined kept, documents joined by
 * `---`), written faster. The `yaml` library builds a whole document tree for each object, the
 * dearest step of a synth; here the block structure (maps, sequences, indentation) is written
 * directly, and each scalar is written by the library itself, once per distinct value and
 * place (a key, a map value, a sequence item), so every quoting rule stays the library's.
 * An object this writer does not cover (undefined, non-plain objects, long keys) goes to the
 * library whole. test/charts/synthesis.test.ts holds it to cdk8s's bytes.
 */
const OPTIONS = { keepUndefined: true, lineWidth: 0, version: '1.1' } as const;

/** Keys longer than this the library writes as explicit `? key` entries. */
const MAX_PLAIN_KEY = 1000;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

class Unsupported extends Error {}

/** The library's text of a scalar in one place, remembered: `{ k: v }` → `v`, `[v]` → `v`, `{ k: 1 }` → `k`. */
class ScalarTexts {
  private readonly keys = new Map<string, string>();
  private readonly values = new Map<unknown, string>();
  private readonly items = new Map<unknown, string>();

  key(k: string): string {
    let t = this.keys.get(k);
    if (t === undefined) {
      if (k.length > MAX_PLAIN_KEY) throw new Unsupported();
      t = YAML.stringify({ [k]: 1 }, OPTIONS).slice(0, -': 1\n'.length);
      this.keys.set(k, t);
    }
    return t;
  }

  value(v: null | boolean | number | string): string {
    let t = this.values.get(v);
    if (t === undefined) {
      t = YAML.stringify({ k: v }, OPTIONS).slice('k:'.length, -1);
      this.values.set(v, t);
    }
    return t;
  }

  item(v: null | boolean | number | string): string {
    let t = this.items.get(v);
    if (t === undefined) {
      t = YAML.stringify([v], OPTIONS).slice('-'.length, -1);
      this.items.set(v, t);
    }
    return t;
  }

  /** Bounded memory: a long-running process (the tests) starts afresh now and then. */
  trim(): void {
    if (this.values.size + this.items.size + this.keys.size > 50_000) {
      this.keys.clear();
      this.values.clear();
      this.items.clear();
    }
  }
}

const scalars = new ScalarTexts();

const isMap = (v: unknown): v is Record<string, Json> => {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) throw new Unsupported();
  return true;
};

/**
 * A scalar's text after `key:` or `-` (with its leading space), at a column: a block scalar's
 * lines are indented from the library's column 0 to this one.
 */
function placed(text: string, indent: string): string {
  if (!text.includes('\n') || indent === '') return text;
  return text.replace(/\n(?=.)/g, `\n${indent}`);
}

function scalarOf(v: unknown): null | boolean | number | string {
  if (v === null || typeof v === 'boolean' || typeof v === 'number' || typeof v === 'string') return v;
  throw new Unsupported();
}

function writeMap(map: Record<string, Json>, indent: string, first: string, out: string[]): void {
  let prefix = first;
  for (const k of Object.keys(map)) {
    const v = map[k];
    const key = `${prefix}${scalars.key(k)}:`;
    if (Array.isArray(v)) {
      if (v.length === 0) out.push(`${key} []`);
      else {
        out.push(key);
        writeSequence(v, `${indent}  `, `${indent}  `, out);
      }
    } else if (isMap(v)) {
      if (Object.keys(v).length === 0) out.push(`${key} {}`);
      else {
        out.push(key);
        writeMap(v, `${indent}  `, `${indent}  `, out);
      }
    } else out.push(`${key}${placed(scalars.value(scalarOf(v)), indent)}`);
    prefix = indent;
  }
}

function writeSequence(items: Json[], indent: string, first: string, out: string[]): void {
  let prefix = first;
  for (const v of items) {
    const dash = `${prefix}- `;
    if (Array.isArray(v)) {
      if (v.length === 0) out.push(`${dash}[]`);
      else writeSequence(v, `${indent}  `, dash, out);
    } else if (isMap(v)) {
      if (Object.keys(v).length === 0) out.push(`${dash}{}`);
      else writeMap(v, `${indent}  `, dash, out);
    } else out.push(`${prefix}-${placed(scalars.item(scalarOf(v)), indent)}`);
    prefix = indent;
  }
}

/**
 * One document, as `YAML.stringify(object, OPTIONS)` writes it; `plain`: the object is plain JSON
 * data as it stands (no undefined, no class instance), which the library's fallback does not check.
 */
function yamlDocument(object: unknown): { text: string; plain: boolean } {
  try {
    if (!isMap(object) || Object.keys(object).length === 0) throw new Unsupported();
    const out: string[] = [];
    writeMap(object, '', '', out);
    scalars.trim();
    return { text: `${out.join('\n')}\n`, plain: true };
  } catch (e) {
    if (!(e instanceof Unsupported)) throw e;
    return { text: YAML.stringify(object, OPTIONS), plain: false };
  }
}

/**
 * Writes objects to a file as cdk8s's `Yaml.save` does, and returns them as plain JSON data
 * (what the file holds, for the checks and the summary): as they are when the writer found them
 * plain (the objects cdk8s resolves are new on every call), else a JSON copy.
 */
export function saveYamlDocuments(file: string, objects: readonly unknown[]): Record<string, unknown>[] {
  const documents = objects.map(yamlDocument);
  fs.writeFileSync(file, documents.map((d) => d.text).join('---\n'), { encoding: 'utf8' });
  return objects.map((o, i) => (documents[i].plain ? o : JSON.parse(JSON.stringify(o))) as Record<string, unknown>);
}
