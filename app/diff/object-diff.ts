import { type ImmutableChange, immutableChanges } from './immutable-fields';
import { type FieldChange, diffValues } from './value-diff';

export type { FieldChange } from './value-diff';

/** An object of an output, with the chart (file) it comes from. */
export interface OutputObject {
  /** Its environment, in an environments output (`dist/<environment>/`). @default none */
  readonly environment?: string;
  readonly chart: string;
  readonly object: { readonly kind: string; readonly metadata: { readonly name: string; readonly namespace?: string } } & Record<
    string,
    unknown
  >;
}

export interface ObjectChange {
  readonly chart: string;
  readonly id: string;
  readonly type: 'added' | 'removed' | 'changed';
  readonly fields: readonly FieldChange[];
  readonly immutable: readonly ImmutableChange[];
}

/** `Kind/namespace/name`, after its environment's name when it has one (`production: Service/dojot/<name>`). */
const idOf = ({ environment, object: o }: OutputObject) =>
  `${environment ? `${environment}: ` : ''}${o.kind}/${o.metadata?.namespace ? `${o.metadata.namespace}/` : ''}${o.metadata?.name}`;

/**
 * What changes from `from` to `to`, per object (by kind, namespace and name), field by field
 * (diffValues: lists of named things by name, texts of several lines line by line).
 */
export function diffOutputs(from: readonly OutputObject[], to: readonly OutputObject[]): ObjectChange[] {
  const before = new Map(from.map((o) => [idOf(o), o]));
  const after = new Map(to.map((o) => [idOf(o), o]));
  const changes: ObjectChange[] = [];
  for (const [id, o] of after) {
    const old = before.get(id);
    if (!old) {
      changes.push({ chart: o.chart, id, type: 'added', fields: [], immutable: [] });
      continue;
    }
    const fields: FieldChange[] = diffValues(old.object, o.object);
    if (fields.length) {
      const ref = { kind: o.object.kind, name: o.object.metadata?.name, namespace: o.object.metadata?.namespace };
      changes.push({
        chart: o.chart,
        id,
        type: 'changed',
        fields,
        immutable: immutableChanges(
          ref,
          fields.map((f) => f.path),
        ),
      });
    }
  }
  for (const [id, o] of before) if (!after.has(id)) changes.push({ chart: o.chart, id, type: 'removed', fields: [], immutable: [] });
  return changes;
}
