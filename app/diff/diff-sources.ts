import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as YAML from 'yaml';
import { RESERVED_ENVIRONMENT_NAMES } from '../../profile/environments';
import { printable } from '../../profile/problems';
import { loadEnvironments, synthesizeEnvironments } from '../environments';
import { loadSettings } from '../settings';
import { synthesize } from '../synthesize';
import type { Layout } from '../topology/graphviz';
import type { OutputObject } from './object-diff';
import { DiffInputError, type OutputFiles, commitOf, committedFiles, folderFiles } from './output-files';

export { DiffInputError } from './output-files';

/** The chart's name in a manifest's file name (`0007-<chart>.k8s.yaml` → `<chart>`; `monitoring/…` keeps its folder). */
export const chartOfFile = (file: string) => file.replace(/(^|\/)\d{4}-/, '$1').replace(/\.k8s\.yaml$/, '');

/** The environment of a file of an output: its first folder, unless that is one dist/ has of its own (argocd/, monitoring/, helm/). */
export function environmentOfFile(file: string): string | undefined {
  const [first, ...rest] = file.split('/');
  return rest.length > 0 && !(RESERVED_ENVIRONMENT_NAMES as readonly string[]).includes(first) ? first : undefined;
}

/** The objects of a manifest by its path in its output: an environment's (`production/0007-<chart>.k8s.yaml`), or the output's own. */
export function objectsOfFile(file: string, objects: readonly unknown[]): OutputObject[] {
  const environment = environmentOfFile(file);
  // Grouped by the environment's chart: `production/<chart>`.
  const chart = chartOfFile(file);
  return objects
    .filter((o) => o && typeof o === 'object')
    .map((object) => ({ ...(environment ? { environment } : {}), chart, object: object as OutputObject['object'] }));
}

/** Whether `dir` is an output folder (what synth writes: `.k8s.yaml` files), not an inventory. */
export function isOutputFolder(dir: string): boolean {
  return fs.existsSync(dir) && fs.statSync(dir).isDirectory() && fs.readdirSync(dir).some((f) => f.endsWith('.k8s.yaml'));
}

/** An output folder, an environments synth's included (its manifests are in `<environment>/` and `argocd/`). */
function holdsOutput(dir: string): boolean {
  if (isOutputFolder(dir)) return true;
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) return false;
  return fs.readdirSync(dir, { withFileTypes: true }).some((e) => e.isDirectory() && isOutputFolder(path.join(dir, e.name)));
}

/** The top level of a YAML file, or undefined when it is no readable YAML mapping. */
function topLevel(source: string): Record<string, unknown> | undefined {
  if (!fs.existsSync(source) || !fs.statSync(source).isFile()) return undefined;
  try {
    const top = YAML.parse(fs.readFileSync(source, 'utf8'));
    return top !== null && typeof top === 'object' && !Array.isArray(top) ? top : undefined;
  } catch {
    return undefined;
  }
}

/** What `--from` or `--to` names. */
export type SourceKind = 'git' | 'output folder' | 'environments file' | 'inventory' | 'profile';

/**
 * `git:<ref>`; an output folder; an environments file (its top level has `environments:`); an
 * Ansible inventory (a directory, or a hosts file: its top level has `all:`); else a preset or a
 * profile file.
 */
export function kindOf(source: string): SourceKind {
  if (source.startsWith('git:')) return 'git';
  if (holdsOutput(source)) return 'output folder';
  if (fs.existsSync(source) && fs.statSync(source).isDirectory()) return 'inventory';
  const top = topLevel(source);
  if (top && 'environments' in top) return 'environments file';
  if (top && 'all' in top) return 'inventory';
  return 'profile';
}

/** The inputs given once for both sides: `--profile` over two inventories, `--inventory` under two profiles, `--flavour` over both. */
export interface SharedInputs {
  readonly profile?: string;
  readonly inventory?: string;
  readonly flavour?: string;
}

/** One side's output: every file of it, and whether it was synthesized here (with the picture, or without). */
export interface SideOutput {
  readonly kind: SourceKind;
  readonly files: OutputFiles;
  /** Synthesized without a layout: no topology.svg, though `npm run synth` would draw one. */
  readonly undrawn: boolean;
}

export interface ReadOptions {
  /** Draw the picture of a synthesized side, as `npm run synth` does. @default none: not drawn */
  readonly layout?: Layout;
  /** Where `git:<ref>` is read: a folder of the repository, with `dist/` in it. @default the current folder */
  readonly cwd?: string;
}

/** Why a shared input does not apply to a side of that kind. */
const NOT_SYNTHESIZED: Partial<Record<SourceKind, string>> = {
  git: 'a committed output was synthesized already',
  'output folder': 'it was synthesized already',
  'environments file': 'each environment names its own',
};

/** The shared inputs a side cannot take, refused in one line naming the flags. */
function refuseShared(flag: string, source: string, kind: SourceKind, shared: SharedInputs): void {
  const given = (['profile', 'inventory', 'flavour'] as const).filter((k) => shared[k] !== undefined);
  const side = `${flag} ${printable(source)}`;
  const why = NOT_SYNTHESIZED[kind];
  if (why && given.length) throw new DiffInputError(`--${given[0]} does not apply to ${article(kind)} (${side}): ${why}`);
  if (kind === 'inventory' && shared.inventory !== undefined)
    throw new DiffInputError(
      `--inventory does not apply to an inventory (${side}): it is the inventory under both sides when they are profiles`,
    );
  if (kind === 'profile' && shared.profile !== undefined)
    throw new DiffInputError(
      `--profile does not apply to a profile (${side}): it is the profile over both sides when they are inventories`,
    );
}

const article = (kind: SourceKind) => (kind === 'git' ? 'git:<ref>' : kind === 'inventory' ? 'an inventory' : `an ${kind}`);

/**
 * Every file of one side, as synth writes it: `git:<ref>`'s committed dist/; an output folder as
 * it is; else a synth, as `npm run synth` makes it (the load balancer's files with an inventory,
 * each environment's folder and the Applications for an environments file), into a folder of
 * its own that is removed after.
 */
export function readOutput(flag: string, source: string, shared: SharedInputs = {}, options: ReadOptions = {}): SideOutput {
  const kind = kindOf(source);
  refuseShared(flag, source, kind, shared);
  if (kind === 'git') {
    const cwd = options.cwd ?? process.cwd();
    const ref = source.slice('git:'.length);
    return { kind, files: committedFiles(flag, ref, commitOf(flag, ref, cwd), cwd), undrawn: false };
  }
  if (kind === 'output folder') return { kind, files: folderFiles(source), undrawn: false };
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'dojot-diff-'));
  const out = path.join(scratch, 'out');
  try {
    if (kind === 'environments file') synthesizeEnvironments(source, loadEnvironments(source), out, options.layout);
    else {
      const settings = loadSettings(
        kind === 'inventory'
          ? { inventory: source, profile: shared.profile, flavour: shared.flavour }
          : { profile: source, inventory: shared.inventory, flavour: shared.flavour },
      );
      synthesize(settings.profile, out, {
        loadBalancer: settings.inventory !== undefined,
        layout: options.layout,
        source: settings.source,
      });
    }
    return { kind, files: folderFiles(out), undrawn: options.layout === undefined };
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/** A manifest of an output (what `kubectl apply -f` reads). */
export const isManifest = (file: string) => file.endsWith('.k8s.yaml');

/** The documents of a YAML text, as cdk8s writes them (YAML 1.1); a DiffInputError naming the side and the file when it is not YAML. */
export function yamlDocuments(text: string, where: string): unknown[] {
  const documents = YAML.parseAllDocuments(text, { version: '1.1' });
  const errors = (Array.isArray(documents) ? documents : [documents]).flatMap((d) => d.errors);
  if (errors.length) throw new DiffInputError(`${where} is not YAML: ${printable(errors[0].message.split('\n')[0])}`);
  return (Array.isArray(documents) ? documents : []).map((d) => d.toJS());
}

/** The objects of every manifest of an output's files. */
export function manifestObjects(files: OutputFiles, side = 'the output'): OutputObject[] {
  return [...files]
    .filter(([f]) => isManifest(f))
    .flatMap(([f, content]) => objectsOfFile(f, yamlDocuments(content.toString('utf8'), `${side}: ${f}`)));
}

/**
 * The objects an output holds (what the upgrade rehearsal compares): `git:<ref>` for the committed
 * dist/ at that revision; an output folder's files as they are; an environments file for each of
 * its environments' synths; else a synth of the inputs.
 */
export function outputObjects(source: string, flavour?: string): OutputObject[] {
  return manifestObjects(readOutput('--from', source, { flavour }).files, source);
}
