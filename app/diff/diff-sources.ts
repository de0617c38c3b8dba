import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as YAML from 'yaml';
import { withInventory } from '../../profile/inventory';
import { loadInputs } from '../../profile/load';
import { synthesize } from '../synthesize';
import type { OutputObject } from './object-diff';

/** The chart's name in a manifest's file name (`0007-kong.k8s.yaml` → `kong`; `monitoring/…` keeps its folder). */
export const chartOfFile = (file: string) => file.replace(/(^|\/)\d{4}-/, '$1').replace(/\.k8s\.yaml$/, '');

/** The objects an output holds: `git:<ref>` for the committed dist/ at that revision, else a synth of the inputs. */
export function outputObjects(source: string, flavour?: string): OutputObject[] {
  if (source.startsWith('git:')) return committedObjects(source.slice('git:'.length));
  const isInventory = fs.existsSync(source) && fs.statSync(source).isDirectory();
  const loaded = loadInputs(isInventory ? { inventory: source, flavour } : { profile: source, flavour });
  const profile = withInventory(loaded.profile, loaded.inventory);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dojot-diff-'));
  try {
    const { manifests } = synthesize(profile, dir, { loadBalancer: false });
    return manifests.flatMap((m) => m.objects.map((object) => ({ chart: chartOfFile(m.file), object: object as OutputObject['object'] })));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The manifests of dist/ (and dist/monitoring) committed at `ref`. */
function committedObjects(ref: string): OutputObject[] {
  const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const files = git('ls-tree', '-r', '--name-only', ref, '--', 'dist/')
    .split('\n')
    .filter((f) => /^dist\/(monitoring\/)?[^/]+\.k8s\.yaml$/.test(f));
  return files.flatMap((f) =>
    YAML.parseAllDocuments(git('show', `${ref}:${f}`))
      .map((d) => d.toJS())
      .filter((o) => o && typeof o === 'object')
      .map((object) => ({ chart: chartOfFile(f.slice('dist/'.length)), object })),
  );
}
