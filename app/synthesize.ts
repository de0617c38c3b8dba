import * as fs from 'node:fs';
import * as path from 'node:path';
import { App } from 'cdk8s';
import { addPlatformCharts } from '../charts/platform';
import type { Profile } from '../profile/types';
import { sideFiles } from './side-files';

export interface SynthesisOptions {
  /** Write the load balancer's files: only with an inventory, which gives their addresses. */
  readonly loadBalancer: boolean;
}

/**
 * Synthesizes the manifests and side files of `profile` into `outdir` (emptied first).
 * Returns what the operator should be told (e.g. the kubeadm endpoint, capacity warnings).
 */
export function synthesize(profile: Profile, outdir: string, options: SynthesisOptions = { loadBalancer: true }): string[] {
  fs.rmSync(outdir, { recursive: true, force: true });
  const app = new App({ outdir });
  addPlatformCharts(app, profile);
  app.synth();
  removeEmptyManifests(outdir);
  const side = sideFiles(profile, options.loadBalancer);
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
