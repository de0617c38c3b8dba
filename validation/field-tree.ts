import * as fs from 'node:fs';

/** A field of an API type: its JSON name, and the type of its value when that is an object. */
interface Field {
  /** The type of the value (or of each element or map value); absent for scalars and free-form values. */
  readonly type?: string;
  /** A map from free keys to values of `type` (labels, resources, ...). */
  readonly map: boolean;
}

/** The fields of every API type, and the root type of every kind a Kubernetes version serves. */
export interface FieldTree {
  readonly types: ReadonlyMap<string, ReadonlyMap<string, Field>>;
  /** `apiVersion kind` → the type of the object's fields besides apiVersion and kind. */
  readonly kinds: ReadonlyMap<string, string>;
}

const FUNCTION = /function toJson_(\w+)\(obj\) \{[\s\S]*?const result = \{\n([\s\S]*?)\n {4}\};/g;
const ENTRY = /^\s*'([^']+)': (.*),$/;
// Kinds: `KubeX.GVK = { apiVersion, kind }` (cdk8s-plus-27) or `static GVK = {...}` inside `class KubeX` (later).
const GVK_AFTER = /(Kube\w+)\.GVK = \{\s*apiVersion: '([^']+)',\s*kind: '([^']+)',/g;
const GVK_INSIDE = /class (Kube\w+) extends[^{]*\{[\s\S]*?static GVK = \{\s*apiVersion: '([^']+)',\s*kind: '([^']+)',/g;

/**
 * Reads the field tree of one Kubernetes version from the `k8s` module that a cdk8s-plus
 * package generates from that version's OpenAPI definitions (`lib/imports/k8s.js`): its
 * `toJson_<Type>` functions list every JSON field of every type, its `Kube<Kind>` classes the
 * kinds the version serves.
 */
export function readFieldTree(k8sModule: string): FieldTree {
  const source = fs.readFileSync(k8sModule, 'utf8');
  const types = new Map<string, Map<string, Field>>();
  for (const [, type, body] of source.matchAll(FUNCTION)) {
    const fields = new Map<string, Field>();
    for (const line of body.split('\n')) {
      const m = ENTRY.exec(line);
      if (!m) continue;
      const child = /toJson_(\w+)\(/.exec(m[2])?.[1];
      fields.set(m[1], { type: child, map: m[2].includes('Object.entries(') });
    }
    types.set(type, fields);
  }
  const kinds = new Map<string, string>();
  for (const re of [GVK_AFTER, GVK_INSIDE]) {
    for (const [, cls, apiVersion, kind] of source.matchAll(re)) kinds.set(`${apiVersion} ${kind}`, `${cls}Props`);
  }
  return { types, kinds };
}

/** Unknown fields of an object of the given type, by path, in the manner of `kubeconform -strict`. */
export function unknownFields(tree: FieldTree, value: unknown, type: string | undefined, path: string): string[] {
  if (type === undefined || value === null || typeof value !== 'object') return [];
  if (Array.isArray(value)) return value.flatMap((v, i) => unknownFields(tree, v, type, `${path}[${i}]`));
  const fields = tree.types.get(type);
  if (!fields) return []; // a free-form type (RawExtension, JSON)
  return Object.entries(value).flatMap(([key, v]) => {
    const field = fields.get(key);
    if (!field) return [`${path}.${key}`];
    if (!field.map) return unknownFields(tree, v, field.type, `${path}.${key}`);
    return v && typeof v === 'object'
      ? Object.entries(v).flatMap(([k, item]) => unknownFields(tree, item, field.type, `${path}.${key}.${k}`))
      : [];
  });
}
