import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isOutputFolder, outputObjects } from '../app/diff/diff-sources';
import { type ObjectChange, diffOutputs } from '../app/diff/object-diff';
import { renderText } from '../app/diff/render-diff';
import * as YAML from 'yaml';
import type { Obj } from './cluster-state';
import type { Kubectl } from './kubectl';

/** What `--upgrade-from` takes. */
export const UPGRADE_SOURCES = "an output folder (npm run synth -- --out DIR) or git:<ref> (that ref's committed dist/)";

/** Why an earlier output cannot be read; the command says it in one line. */
export class UpgradeSourceError extends Error {}

/**
 * The earlier output as a folder the README's steps can apply: an output folder as it is, or
 * `git:<ref>`'s committed `dist/` (every file of it: the manifests, the scripts) written into `dir`.
 */
export function earlierOutputFolder(source: string, dir: string, repository = process.cwd()): string {
  if (!source.startsWith('git:')) {
    if (!isOutputFolder(source)) throw new UpgradeSourceError(`--upgrade-from ${source}: not ${UPGRADE_SOURCES}`);
    return source;
  }
  const ref = source.slice('git:'.length);
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: repository, encoding: 'buffer', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
  let files: string[];
  try {
    files = git('ls-tree', '-r', '--name-only', ref, '--', 'dist/')
      .toString('utf8')
      .split('\n')
      .filter((f) => f.startsWith('dist/'));
  } catch {
    throw new UpgradeSourceError(`--upgrade-from ${source}: git knows no revision '${ref}' here`);
  }
  if (!files.some((f) => f.endsWith('.k8s.yaml')))
    throw new UpgradeSourceError(`--upgrade-from ${source}: that revision has no dist/ with manifests committed`);
  for (const f of files) {
    const target = path.join(dir, f.slice('dist/'.length));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, git('show', `${ref}:${f}`));
  }
  return dir;
}

/** An object `kubectl apply` could not update: the API server refused the change. */
export interface Refusal {
  /** `Kind/namespace/name`, as `npm run diff` names objects. */
  readonly id: string;
  /** The API server's words. */
  readonly message: string;
}

/** The server's words without the objects it dumps after `Invalid value:` (a claim template, a pod template). */
const shortened = (message: string) => {
  const s = message.replace(/Invalid value: .*?: field is immutable/g, 'field is immutable').trim();
  return s.length > 400 ? `${s.slice(0, 400)}…` : s;
};

/**
 * The updates the API server refused, in `kubectl apply`'s standard error (k8s.io/kubectl v0.37.2).
 * Several errors are printed each with its object (pkg/cmd/apply/apply.go, and resource.Info's
 * String): `GroupVersionKind: "…, Kind=K"`, `Name: "n", Namespace: "ns"`, then `for: "file": error
 * when patching "file": <the server's words>`. A single one is printed as the server's details
 * have it (pkg/cmd/util/helpers.go, checkErr): `The K "n" is invalid: <causes>`, without its
 * namespace, which `applied` (the objects of the file applied) then gives.
 */
export function refusalsIn(stderr: string, applied: readonly Obj[] = []): Refusal[] {
  const id = (kind: string, name: string, namespace: string | undefined) => `${kind}/${namespace ? `${namespace}/` : ''}${name}`;
  const refusals: Refusal[] = [];
  const block = /GroupVersionKind: "[^"\n]*Kind=([A-Za-z0-9]+)"\nName: "([^"\n]*)", Namespace: "([^"\n]*)"\nfor: "[^"\n]*": (.*)/g;
  for (const m of stderr.matchAll(block)) {
    const [, kind, name, namespace, rest] = m;
    refusals.push({ id: id(kind, name, namespace), message: shortened(rest.replace(/^error when patching "[^"]*": /, '')) });
  }
  if (refusals.length) return refusals;
  const errors = stderr
    .split('\n')
    .filter((l) => l && !l.startsWith('Warning: '))
    .join('\n');
  const single = /^The ([A-Za-z0-9]+) "([^"\n]+)" is invalid: ([\s\S]*)$/.exec(errors);
  if (single) {
    const [, kind, name, causes] = single;
    const namespace = applied.find((o) => o.kind === kind && o.metadata?.name === name)?.metadata?.namespace;
    const words = causes
      .split('\n')
      .map((l) => l.replace(/^\* /, '').trim())
      .filter(Boolean)
      .join('; ');
    refusals.push({ id: id(kind, name, namespace), message: shortened(`${kind} "${name}" is invalid: ${words}`) });
  }
  return refusals;
}

/**
 * The command of a procedure as `npm run diff` prints it (`kubectl … delete … X, then apply: …`):
 * the kubectl command before ", then apply", as its arguments; none when the procedure is not one
 * (copying a claim's data is a person's work).
 */
export function procedureCommand(how: string): string[] | undefined {
  const m = /^kubectl ([^,]+), then apply\b/.exec(how);
  return m ? m[1].trim().split(/\s+/) : undefined;
}

/** A refusal, held against what `npm run diff` said of that object. */
export interface ExplainedRefusal extends Refusal {
  /** `npm run diff` listed it as not changeable in place. */
  readonly predicted: boolean;
  /** The procedure it printed, when it printed one. */
  readonly procedure?: string;
}

/** Each refusal with `npm run diff`'s prediction and procedure for it. */
export function explainRefusals(refusals: readonly Refusal[], changes: readonly ObjectChange[]): ExplainedRefusal[] {
  return refusals.map((r) => {
    const change = changes.find((c) => c.id === r.id && c.immutable.length > 0);
    const procedure = change?.immutable.map((i) => i.how).find((how) => procedureCommand(how));
    return { ...r, predicted: change !== undefined, ...(procedure ? { procedure } : change ? { procedure: change.immutable[0].how } : {}) };
  });
}

/** What `npm run diff --from EARLIER --to CURRENT` says, as the upgrade uses it. */
export interface UpgradeDiff {
  readonly changes: readonly ObjectChange[];
  /** Its text, as `npm run diff` prints it. */
  readonly text: readonly string[];
}

/** `npm run diff --from earlier --to current`, both output folders. */
export function upgradeDiff(earlier: string, current: string): UpgradeDiff {
  const changes = diffOutputs(outputObjects(earlier), outputObjects(current));
  return { changes, text: renderText(changes) };
}

/** `kubectl delete` of an object the current output no longer has (`npm run diff`'s `-` lines). */
export function deleteArguments(id: string): string[] {
  const [kind, ...rest] = id.split('/');
  const [namespace, name] = rest.length === 2 ? rest : [undefined, rest[0]];
  return ['delete', kind.toLowerCase(), name, ...(namespace ? ['-n', namespace] : []), '--ignore-not-found'];
}

/** A refusal of the upgrade, and whether npm run diff's procedure for it ran. */
export interface UpgradeRefusal extends ExplainedRefusal {
  readonly procedureRan: boolean;
}

/** What an upgrade rehearsal did. */
export interface UpgradeResult {
  /** The earlier output's folder. */
  readonly from: string;
  /** `npm run diff --from <earlier> --to <current>`, as it prints it. */
  readonly diff: readonly string[];
  /** The objects it listed as not changeable in place. */
  readonly notInPlace: readonly string[];
  /** What the API server refused, each with its prediction. */
  readonly refusals: UpgradeRefusal[];
  /** The objects of the earlier output that the current lacks, deleted. */
  readonly removed: string[];
}

/** The Secrets of `npm run secrets`' output that the API server does not have yet. */
export function missingSecrets(kubectl: Kubectl, secretsYaml: string): Obj[] {
  const secrets = YAML.parseAllDocuments(secretsYaml)
    .map((d) => d.toJS() as Obj)
    .filter((o) => o?.kind === 'Secret');
  return secrets.filter((s) => kubectl.run(['get', 'secret', s.metadata.name, '-n', s.metadata.namespace]).status !== 0);
}
