import { ANSIBLE_FIELDS } from './ansible';
import { isPlainObject } from './merge';
import type { Problem } from './problems';

/** One layer of the profile, with where it comes from. */
export interface Layer {
  readonly source: string;
  readonly values: Record<string, unknown>;
  /** Ansible variables were translated: problems are named by the Ansible variable. */
  readonly ansible: boolean;
  /** Problems found before the merge (unknown Ansible variables), reported with the rest. */
  readonly problems?: readonly Problem[];
  /** A preset: what later layers override in it is counted (`--explain` lists it). */
  readonly preset?: boolean;
}

/** Whether a layer sets the field at `fieldPath` (or a part of it, or a mapping that holds it). */
export function sets(values: Record<string, unknown>, fieldPath: string): boolean {
  let node: unknown = values;
  for (const key of fieldPath.replace(/\[\d+\]/g, '').split('.')) {
    if (!isPlainObject(node) || !Object.hasOwn(node, key)) return false;
    node = node[key];
  }
  return true;
}

/** The value a layer gives the field at `fieldPath`, or undefined. */
export function valueAt(values: Record<string, unknown>, fieldPath: string): unknown {
  let node: unknown = values;
  for (const key of fieldPath.split('.')) {
    if (!isPlainObject(node) || !Object.hasOwn(node, key)) return undefined;
    node = node[key];
  }
  return node;
}

/** The fields a layer sets, as dotted paths to its leaves (a list is one leaf). */
export function leavesOf(values: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(values).flatMap(([k, v]) =>
    isPlainObject(v) && Object.keys(v).length ? leavesOf(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

/** The path of a profile field, with the Ansible variable behind it (`dojot_vernemq_replicas (vernemq.replicas)`). */
export function ansiblePath(fieldPath: string): string {
  if (fieldPath.startsWith('dojot_') || fieldPath === 'optional') return fieldPath;
  let best: [string, string] | undefined;
  for (const [variable, field] of Object.entries(ANSIBLE_FIELDS)) {
    const covers = fieldPath === field || fieldPath.startsWith(`${field}.`);
    if (covers && (!best || field.length > best[1].length)) best = [variable, field];
  }
  if (!best) return fieldPath;
  const rest = fieldPath.slice(best[1].length).replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  return `${best[0]}${rest} (${fieldPath})`;
}

/** Names the Ansible variable behind a profile path, for messages about a dojot.yaml. */
export const withAnsibleName = (problem: Problem): Problem => ({ ...problem, path: ansiblePath(problem.path) });
