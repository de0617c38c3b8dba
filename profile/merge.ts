import { OPTIONAL_FIELDS } from './defaults';
import { type Problem, unknownKey } from './problems';

type Plain = Record<string, unknown>;

export const isPlainObject = (v: unknown): v is Plain => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Sets an own property, whatever its name (`obj['__proto__'] = v` would change the prototype instead). */
export function setOwn(obj: Plain, key: string, value: unknown): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

const describe = (v: unknown) => (typeof v === 'string' ? `'${v}'` : JSON.stringify(v));

/** Fields that take more than one type; the reference profile shows only the default's. */
const UNION_FIELDS: Readonly<Record<string, { readonly accepts: (v: unknown) => boolean; readonly expected: string }>> = {
  'vernemq.maxConnections': {
    accepts: (v) => v === 'infinity' || (typeof v === 'number' && Number.isInteger(v) && v > 0),
    expected: "a whole number above 0 or 'infinity'",
  },
};

/** Fields whose keys are the user's own (image references), each with a string value. */
const FREE_MAPS: readonly string[] = ['images.digests'];

/** Fields that earlier versions had, with what replaced them. */
export const REMOVED_FIELDS: Readonly<Record<string, string>> = {
  'vernemq.operatorVersion':
    "was removed: the brokers are a plain StatefulSet of dojot/vernemq-dojot, without the vmq-operator (which can no longer start them; see the README's differences); delete this key",
  'loadBalancer.nodes':
    'comes from the inventory (--inventory: its groups mqtt_nodes, apigw_nodes, metrics_nodes, lwm2m_nodes, control_plane_nodes), not from a profile',
};

/**
 * Merges `layer` over `base` in place, checking each key against `reference` (a complete
 * profile): unknown keys and wrong types become problems, named by their dotted path.
 */
export function mergeLayer(base: Plain, layer: unknown, reference: Plain, problems: Problem[], prefix = ''): void {
  if (!isPlainObject(layer)) {
    problems.push({ path: prefix || '(top level)', message: `must be a mapping of keys, got ${describe(layer)}` });
    return;
  }
  const known = [...Object.keys(reference), ...(prefix ? [] : OPTIONAL_FIELDS)];
  for (const [key, value] of Object.entries(layer)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (Object.hasOwn(REMOVED_FIELDS, path)) {
      problems.push({ path, message: REMOVED_FIELDS[path] });
      continue;
    }
    const union = Object.hasOwn(UNION_FIELDS, path) ? UNION_FIELDS[path] : undefined;
    if (union) {
      if (union.accepts(value)) base[key] = value;
      else problems.push({ path, message: `must be ${union.expected}, got ${describe(value)}` });
      continue;
    }
    if (FREE_MAPS.includes(path)) {
      if (!isPlainObject(value) || Object.values(value).some((v) => typeof v !== 'string')) {
        problems.push({ path, message: `must be a mapping of image references to digests (strings), got ${describe(value)}` });
        continue;
      }
      base[key] = { ...(isPlainObject(base[key]) ? base[key] : {}) };
      for (const [k, v] of Object.entries(value)) setOwn(base[key] as Plain, k, v);
      continue;
    }
    if (!known.includes(key)) {
      problems.push({ path, message: unknownKey(key, known, prefix || 'the profile') + tableKeys(prefix, known) });
      continue;
    }
    if (value === undefined) continue;
    const expected = reference[key] ?? '';
    if (Array.isArray(expected)) {
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))
        problems.push({ path, message: `must be a list of strings, got ${describe(value)}` });
      else base[key] = [...value];
    } else if (isPlainObject(expected)) {
      if (!isPlainObject(value)) {
        problems.push({ path, message: `must be a mapping with keys ${Object.keys(expected).join(', ')}, got ${describe(value)}` });
        continue;
      }
      base[key] = isPlainObject(base[key]) ? base[key] : {};
      mergeLayer(base[key] as Plain, value, expected, problems, path);
    } else if (typeof value !== typeof expected) {
      problems.push({ path, message: `must be ${typeName(expected)}, got ${describe(value)}` });
    } else {
      base[key] = value;
    }
  }
}

/** The resource table's keys are names of this repository's objects, not settings: the message lists them. */
function tableKeys(prefix: string, known: readonly string[]): string {
  if (prefix === 'resources') return `; the workloads: ${[...known].sort().join(', ')}`;
  if (/^resources\.[^.]+$/.test(prefix)) return `; its containers: ${[...known].sort().join(', ')}`;
  return '';
}

function typeName(v: unknown): string {
  switch (typeof v) {
    case 'boolean':
      return 'a boolean (true or false)';
    case 'number':
      return 'a number';
    default:
      return 'a string';
  }
}
