import * as fs from 'node:fs';
import * as path from 'node:path';
import * as YAML from 'yaml';
import { type FieldTree, readFieldTree, unknownFields } from './field-tree';

/**
 * The Kubernetes versions we claim, each with the packages that describe its API: the fields
 * and served kinds from the `k8s` module of a cdk8s-plus package generated for that version,
 * the types, enums and required fields from kubernetes-models at that version's release.
 */
export const KUBERNETES_VERSIONS = [
  { version: '1.27', fields: 'cdk8s-plus-27/lib/imports/k8s.js', models: 'kubernetes-models-1.27' },
  { version: '1.33', fields: 'cdk8s-plus-33/lib/imports/k8s.js', models: 'kubernetes-models' },
] as const;

export interface ManifestProblem {
  /** `Kind/namespace/name (file)` */
  readonly object: string;
  readonly version: string;
  readonly message: string;
}

interface ManifestObject {
  readonly apiVersion?: unknown;
  readonly kind?: unknown;
  readonly metadata?: { readonly name?: unknown; readonly namespace?: unknown };
}

const trees = new Map<string, FieldTree>();
function treeOf(modulePath: string): FieldTree {
  let tree = trees.get(modulePath);
  if (!tree) {
    tree = readFieldTree(require.resolve(modulePath));
    trees.set(modulePath, tree);
  }
  return tree;
}

/** The kubernetes-models class of a kind, or undefined when that package has none. */
function modelOf(pkg: string, apiVersion: string, kind: string): (new (data: unknown) => { validate(): void }) | undefined {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  try {
    const mod = require(`${pkg}/${group ? `${group}/` : ''}${version}`) as Record<string, unknown>;
    return typeof mod[kind] === 'function' ? (mod[kind] as new (data: unknown) => { validate(): void }) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Custom resources whose CRDs another chart installs, with the models of their fields and types:
 * prometheus-operator's, from @kubernetes-models/prometheus-operator (its CRDs of v0.65.1).
 * Their unknown fields are not caught here (those models accept them).
 */
const CUSTOM_RESOURCES: Readonly<Record<string, string>> = { 'monitoring.coreos.com': '@kubernetes-models/prometheus-operator' };

function validateCustomResource(o: ManifestObject & { apiVersion: string; kind: string }, name: string, pkg: string): ManifestProblem[] {
  let Model: (new (data: unknown) => { validate(): void }) | undefined;
  try {
    Model = (require(`${pkg}/${o.apiVersion}/${o.kind}`) as Record<string, new (data: unknown) => { validate(): void }>)[o.kind];
  } catch {
    Model = undefined;
  }
  if (!Model) return [{ object: name, version: 'all', message: `${o.apiVersion} ${o.kind} is not a kind that ${pkg} knows` }];
  try {
    new Model(o).validate();
    return [];
  } catch (e) {
    const errors = (e as { errors?: { instancePath: string; message?: string }[] }).errors ?? [];
    return errors.map((err) => ({
      object: name,
      version: 'all',
      message: `${err.instancePath.slice(1).replace(/\//g, '.') || '(object)'} ${err.message}`,
    }));
  }
}

/** Problems of one object against every claimed version: kind not served, unknown fields, wrong types. */
export function validateObject(o: ManifestObject, where: string): ManifestProblem[] {
  const problems: ManifestProblem[] = [];
  const name = `${String(o.kind)}/${o.metadata?.namespace ? `${String(o.metadata.namespace)}/` : ''}${String(o.metadata?.name)} (${where})`;
  if (typeof o.apiVersion !== 'string' || typeof o.kind !== 'string') {
    return [{ object: name, version: 'all', message: 'has no apiVersion or kind' }];
  }
  const group = o.apiVersion.split('/')[0];
  if (Object.hasOwn(CUSTOM_RESOURCES, group))
    return validateCustomResource(o as ManifestObject & { apiVersion: string; kind: string }, name, CUSTOM_RESOURCES[group]);
  for (const v of KUBERNETES_VERSIONS) {
    const tree = treeOf(v.fields);
    const root = tree.kinds.get(`${o.apiVersion} ${o.kind}`);
    if (!root) {
      problems.push({ object: name, version: v.version, message: `${o.apiVersion} ${o.kind} is not served by Kubernetes ${v.version}` });
      continue;
    }
    const { apiVersion: _a, kind: _k, ...rest } = o as Record<string, unknown>;
    for (const field of unknownFields(tree, rest, root, ''))
      problems.push({ object: name, version: v.version, message: `unknown field ${field.slice(1)}` });
    const Model = modelOf(v.models, o.apiVersion, o.kind);
    try {
      if (Model) new Model(o).validate();
    } catch (e) {
      const errors = (e as { errors?: { instancePath: string; message?: string; params?: Record<string, unknown> }[] }).errors ?? [];
      for (const err of errors) {
        const detail = err.params?.allowedValues ? ` (${(err.params.allowedValues as unknown[]).join(', ')})` : '';
        problems.push({
          object: name,
          version: v.version,
          message: `${err.instancePath.slice(1).replace(/\//g, '.') || '(object)'} ${err.message}${detail}`,
        });
      }
    }
  }
  return problems;
}

/** Every object of the YAML files directly in `dir` (as `kubectl apply -f dir` reads them), validated. */
export function validateFolder(dir: string): { objects: number; problems: ManifestProblem[] } {
  let objects = 0;
  const problems: ManifestProblem[] = [];
  for (const file of fs
    .readdirSync(dir)
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .sort()) {
    const docs = YAML.parseAllDocuments(fs.readFileSync(path.join(dir, file), 'utf8'));
    for (const doc of docs) {
      if (doc.errors.length) {
        problems.push({ object: file, version: 'all', message: doc.errors[0].message.split('\n')[0] });
        continue;
      }
      const o = doc.toJS() as ManifestObject | null;
      if (o === null) continue;
      objects++;
      problems.push(...validateObject(o, file));
    }
  }
  return { objects, problems };
}
