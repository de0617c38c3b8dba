import { unifiedDiff } from './line-diff';

/** One change of a value (an object's field, a values file's key), by its path in it. */
export interface FieldChange {
  /** `spec.ports[1]`; an item of a list of named things by its name: `spec.template.spec.containers[name=kong].env[name=KONG_LOG_LEVEL]`. */
  readonly path: string;
  readonly type: 'added' | 'removed' | 'changed';
  readonly from?: unknown;
  readonly to?: unknown;
  /** A text of several lines (a ConfigMap's script) changed, added or removed: its unified diff, line by line. @default none */
  readonly lines?: readonly string[];
}

type Step = string | number | { readonly key: string; readonly name: string };

const isPlain = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * What names an item of a list: `name` (env, containers, ports, volumes, a rule group), else a
 * Prometheus rule's `alert` or `record`.
 */
const NAME_KEYS = ['name', 'alert', 'record'] as const;

function nameOf(item: unknown): { key: string; name: string } | undefined {
  if (!isPlain(item)) return undefined;
  const key = NAME_KEYS.find((k) => typeof item[k] === 'string');
  return key ? { key, name: item[key] as string } : undefined;
}

/** Each item's name, when every item of the list has one and no two share it; else undefined (the list goes by index). */
function namesOf(list: readonly unknown[]): { key: string; name: string }[] | undefined {
  const names = list.map(nameOf);
  if (names.some((n) => n === undefined)) return undefined;
  const named = names as { key: string; name: string }[];
  const labels = new Set(named.map((n) => `${n.key}=${n.name}`));
  return labels.size === named.length ? named : undefined;
}

export const pathOf = (path: readonly Step[]) =>
  path.map((p, i) => (typeof p === 'number' ? `[${p}]` : typeof p === 'object' ? `[${p.key}=${p.name}]` : i === 0 ? p : `.${p}`)).join('');

const multiline = (v: unknown): v is string => typeof v === 'string' && v.includes('\n');

/**
 * What changes from `before` to `after`, field by field: mappings by key; lists of named things
 * (every item a mapping with its own `name`, see NAME_KEYS) by name, so that one item added or
 * removed is one change, and a new order of the same items one change of the list; other lists by
 * index. A text of several lines that changes carries its unified diff.
 */
export function diffValues(before: unknown, after: unknown, path: readonly Step[] = []): FieldChange[] {
  const out: FieldChange[] = [];
  walk(before, after, path, out);
  return out;
}

function walk(before: unknown, after: unknown, path: readonly Step[], out: FieldChange[]): void {
  if (Object.is(before, after)) return;
  if (Array.isArray(before) && Array.isArray(after)) {
    const namesBefore = namesOf(before);
    const namesAfter = namesOf(after);
    if (namesBefore && namesAfter) {
      walkNamed(before, after, namesBefore, namesAfter, path, out);
      return;
    }
    for (let i = 0; i < Math.max(before.length, after.length); i++) {
      if (i >= after.length) out.push(removed([...path, i], before[i]));
      else if (i >= before.length) out.push(added([...path, i], after[i]));
      else walk(before[i], after[i], [...path, i], out);
    }
    return;
  }
  if (isPlain(before) && isPlain(after)) {
    for (const key of Object.keys(before)) {
      if (before[key] === undefined) continue;
      if (!Object.hasOwn(after, key) || after[key] === undefined) out.push(removed([...path, key], before[key]));
      else walk(before[key], after[key], [...path, key], out);
    }
    for (const key of Object.keys(after))
      if (after[key] !== undefined && (!Object.hasOwn(before, key) || before[key] === undefined))
        out.push(added([...path, key], after[key]));
    return;
  }
  if (Number.isNaN(before) && Number.isNaN(after)) return;
  const lines = multiline(before) || multiline(after) ? unifiedDiff(String(before ?? ''), String(after ?? '')) : undefined;
  out.push({ path: pathOf(path), type: 'changed', from: before, to: after, ...(lines ? { lines } : {}) });
}

function walkNamed(
  before: readonly unknown[],
  after: readonly unknown[],
  namesBefore: readonly { key: string; name: string }[],
  namesAfter: readonly { key: string; name: string }[],
  path: readonly Step[],
  out: FieldChange[],
): void {
  const label = (n: { key: string; name: string }) => `${n.key}=${n.name}`;
  const indexAfter = new Map(namesAfter.map((n, i) => [label(n), i]));
  const indexBefore = new Map(namesBefore.map((n, i) => [label(n), i]));
  const common = namesBefore.filter((n) => indexAfter.has(label(n))).map(label);
  const commonAfter = namesAfter.filter((n) => indexBefore.has(label(n))).map(label);
  // The same items in another order: one change of the list (the order of env and initContainers matters).
  if (common.join('\n') !== commonAfter.join('\n'))
    out.push({ path: `${pathOf(path)} (order)`, type: 'changed', from: common.join(', '), to: commonAfter.join(', ') });
  namesBefore.forEach((n, i) => {
    const j = indexAfter.get(label(n));
    if (j === undefined) out.push(removed([...path, n], before[i]));
    else walk(before[i], after[j], [...path, n], out);
  });
  namesAfter.forEach((n, j) => {
    if (!indexBefore.has(label(n))) out.push(added([...path, n], after[j]));
  });
}

function added(path: readonly Step[], value: unknown): FieldChange {
  return { path: pathOf(path), type: 'added', to: value, ...(multiline(value) ? { lines: unifiedDiff('', value) } : {}) };
}

function removed(path: readonly Step[], value: unknown): FieldChange {
  return { path: pathOf(path), type: 'removed', from: value, ...(multiline(value) ? { lines: unifiedDiff(value, '') } : {}) };
}
