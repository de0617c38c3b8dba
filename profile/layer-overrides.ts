import { type Layer, ansiblePath, leavesOf, valueAt } from './layers';

/** A field a later layer gives another value than an earlier one did. */
export interface OverriddenField {
  readonly path: string;
  readonly from: { readonly source: string; readonly value: unknown };
  readonly to: unknown;
}

/** What one layer overrides of the layers before it. */
export interface LayerOverrides {
  readonly source: string;
  readonly fields: readonly OverriddenField[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The fields each layer sets to another value than an earlier layer (not the defaults) had set:
 * an inventory whose dojot.yaml writes every variable out undoes most of a preset, and says so.
 */
export function overridesOf(layers: readonly Layer[]): LayerOverrides[] {
  const setBy = new Map<string, { source: string; value: unknown }>();
  const out: LayerOverrides[] = [];
  for (const layer of layers) {
    const fields: OverriddenField[] = [];
    for (const leaf of leavesOf(layer.values)) {
      const value = valueAt(layer.values, leaf);
      // An earlier layer set this field, or a mapping above it, or a field inside it.
      const earlier = [...setBy].filter(([p]) => p === leaf || leaf.startsWith(`${p}.`) || p.startsWith(`${leaf}.`));
      for (const [p, before] of earlier) {
        if (p === leaf ? !same(before.value, value) : true)
          fields.push({ path: layer.ansible ? ansiblePath(p) : p, from: before, to: p === leaf ? value : valueAt(layer.values, p) });
      }
    }
    for (const leaf of leavesOf(layer.values)) setBy.set(leaf, { source: layer.source, value: valueAt(layer.values, leaf) });
    if (fields.length) out.push({ source: layer.source, fields });
  }
  return out;
}

const shown = (v: unknown) => (v === undefined ? '(unset)' : JSON.stringify(v));

/** One line per overriding layer: which layers it overrode, and how many fields. */
export function overrideLines(overrides: readonly LayerOverrides[], explain: boolean): string[] {
  return overrides.flatMap((o) => {
    const over = [...new Set(o.fields.map((f) => f.from.source))].join(', ');
    const names = o.fields.slice(0, 3).map((f) => f.path.replace(/ \(.*\)$/, ''));
    const head = `${o.source} overrides ${o.fields.length} field${o.fields.length === 1 ? '' : 's'} set by ${over} (${names.join(', ')}${o.fields.length > 3 ? ', ...' : ''})${explain ? ':' : '; --explain lists them'}`;
    return explain ? [head, ...o.fields.map((f) => `  ${f.path}: ${shown(f.from.value)} (${f.from.source}) -> ${shown(f.to)}`)] : [head];
  });
}
