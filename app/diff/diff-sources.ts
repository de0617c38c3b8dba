import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as YAML from 'yaml';
import { RESERVED_ENVIRONMENT_NAMES } from '../../profile/environments';
import { ProfileError } from '../../profile/problems';
import { loadEnvironments } from '../environments';
import { loadSettings } from '../settings';
import { synthesize, synthesizeApplications } from '../synthesize';
import type { OutputObject } from './object-diff';

/** The chart's name in a manifest's file name (`0007-<chart>.k8s.yaml` → `<chart>`; `monitoring/…` keeps its folder). */
export const chartOfFile = (file: string) => file.replace(/(^|\/)\d{4}-/, '$1').replace(/\.k8s\.yaml$/, '');

/** A manifest of an output by its path in it: an environment's (`production/0007-<chart>.k8s.yaml`), or the output's own. */
function objectsOfFile(file: string, objects: readonly unknown[]): OutputObject[] {
  const [first, ...rest] = file.split('/');
  const inEnvironment = rest.length > 0 && !(RESERVED_ENVIRONMENT_NAMES as readonly string[]).includes(first);
  const environment = inEnvironment ? first : undefined;
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

/**
 * The objects an output holds: `git:<ref>` for the committed dist/ at that revision; an output
 * folder's files as they are; an environments file for each of its environments' synths; else a
 * synth of the inputs.
 */
export function outputObjects(source: string, flavour?: string): OutputObject[] {
  if (source.startsWith('git:')) return committedObjects(source.slice('git:'.length));
  if (isOutputFolder(source)) {
    if (flavour)
      throw new ProfileError(source, [{ path: '', message: '--flavour does not apply to an output folder: it holds one flavour already' }]);
    return folderObjects(source);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dojot-diff-'));
  try {
    if (isEnvironmentsFile(source)) {
      if (flavour)
        throw new ProfileError(source, [
          { path: '', message: '--flavour does not apply to an environments file: each environment names its own' },
        ]);
      const environments = loadEnvironments(source);
      const own = environments.flatMap((e) =>
        synthesize(e.settings.profile, path.join(dir, e.name), { loadBalancer: false, application: false }).manifests.flatMap((m) =>
          objectsOfFile(`${e.name}/${m.file}`, m.objects),
        ),
      );
      const applications = synthesizeApplications(
        environments.map((e) => ({ name: e.name, profile: e.settings.profile })),
        dir,
      );
      return [...own, ...applications.flatMap((m) => objectsOfFile(m.file, m.objects))];
    }
    const isInventory = fs.existsSync(source) && fs.statSync(source).isDirectory();
    const { profile } = loadSettings(isInventory ? { inventory: source, flavour } : { profile: source, flavour });
    const { manifests } = synthesize(profile, dir, { loadBalancer: false });
    return manifests.flatMap((m) => objectsOfFile(m.file, m.objects));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A YAML file whose top level has `environments:` (interfaces.md, Environments file). */
function isEnvironmentsFile(source: string): boolean {
  if (!fs.existsSync(source) || !fs.statSync(source).isFile()) return false;
  try {
    const top = YAML.parse(fs.readFileSync(source, 'utf8'));
    return top !== null && typeof top === 'object' && !Array.isArray(top) && 'environments' in top;
  } catch {
    return false;
  }
}

/** Every manifest of an output folder: its own, monitoring/, argocd/, and each environment's. */
function folderObjects(dir: string): OutputObject[] {
  const files = (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.k8s.yaml')).sort();
  return files.flatMap((f) =>
    objectsOfFile(
      f.split(path.sep).join('/'),
      YAML.parseAllDocuments(fs.readFileSync(path.join(dir, f), 'utf8')).map((d) => d.toJS()),
    ),
  );
}

/** Every manifest of dist/ committed at `ref`: its own, monitoring/, argocd/, and each environment's. */
function committedObjects(ref: string): OutputObject[] {
  const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const files = git('ls-tree', '-r', '--name-only', ref, '--', 'dist/')
    .split('\n')
    .filter((f) => f.startsWith('dist/') && f.endsWith('.k8s.yaml'));
  return files.flatMap((f) =>
    objectsOfFile(
      f.slice('dist/'.length),
      YAML.parseAllDocuments(git('show', `${ref}:${f}`)).map((d) => d.toJS()),
    ),
  );
}
