import * as fs from 'node:fs';
import * as path from 'node:path';
import * as YAML from 'yaml';
import type { Obj } from './cluster-state';

/** The folders of an output that kubectl applies, each on its own (interfaces.md, output layout). */
export const APPLIED_FOLDERS = ['', 'monitoring', 'argocd'] as const;

/**
 * The Kubernetes objects of a manifest file, or of the `.yaml`, `.yml` and `.json` files directly
 * in a folder (as kubectl apply -f reads them: no subfolder). A `List` gives its items.
 */
export function objectsIn(target: string): Obj[] {
  if (!fs.existsSync(target)) return [];
  const files = fs.statSync(target).isDirectory()
    ? fs
        .readdirSync(target)
        .filter((f) => /\.(ya?ml|json)$/.test(f))
        .sort()
        .map((f) => path.join(target, f))
    : [target];
  return files
    .flatMap((f) => YAML.parseAllDocuments(fs.readFileSync(f, 'utf8')).map((d) => d.toJS() as Obj))
    .flatMap((o) => (o?.kind === 'List' ? (o.items ?? []) : [o]))
    .filter((o) => o && typeof o === 'object' && o.kind);
}
