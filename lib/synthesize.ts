import * as fs from 'node:fs';
import * as path from 'node:path';
import { App } from 'cdk8s';
import { HOST_DIRECTORIES_SCRIPT, renderHostDirectoriesScript } from '../charts/storage/host-directories';
import { addDojotCharts } from '../charts/dojot-app';
import { loadBalancerFiles } from '../haproxy/load-balancer-files';
import type { Profile } from '../profile/types';

/** Files written beside the manifests, which `kubectl apply -f dist` ignores (not YAML/JSON). */
export interface SideFile {
  readonly name: string;
  readonly content: string;
  readonly mode?: number;
}

/** The side files of the profile: the host-directory script of the local volumes, and the load balancer's files. */
export function sideFiles(profile: Profile): { files: SideFile[]; notices: string[] } {
  const script = renderHostDirectoriesScript(profile);
  const lb = loadBalancerFiles(profile);
  return { files: [...(script ? [{ name: HOST_DIRECTORIES_SCRIPT, content: script, mode: 0o755 }] : []), ...lb.files], notices: lb.notices };
}

/**
 * Synthesizes the manifests and side files of `profile` into `outdir` (emptied first).
 * Returns what the operator should be told (e.g. the kubeadm endpoint, capacity warnings).
 */
export function synthesize(profile: Profile, outdir: string): string[] {
  fs.rmSync(outdir, { recursive: true, force: true });
  const app = new App({ outdir });
  addDojotCharts(app, profile);
  app.synth();
  removeEmptyManifests(outdir);
  const side = sideFiles(profile);
  for (const f of side.files) fs.writeFileSync(path.join(outdir, f.name), f.content, { mode: f.mode ?? 0o644 });
  return side.notices;
}

/** A chart with no object for this profile (e.g. storage with every toggle off) leaves an empty file. */
function removeEmptyManifests(outdir: string): void {
  for (const name of fs.readdirSync(outdir)) {
    const file = path.join(outdir, name);
    if (name.endsWith('.yaml') && fs.readFileSync(file, 'utf8').trim() === '') fs.rmSync(file);
  }
}
