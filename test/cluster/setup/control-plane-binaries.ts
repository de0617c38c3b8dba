import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The folder of the control plane's binaries (rehearsal/build-control-plane.sh). */
    controlPlaneBin: string;
  }
}

/** Builds the control plane once for every rehearsal (from its cache when it is there). */
export default function setup(project: TestProject): void {
  const script = path.join(__dirname, '..', '..', '..', 'rehearsal', 'build-control-plane.sh');
  const r = spawnSync('bash', [script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const bin = (r.stdout ?? '').trim().split('\n').at(-1);
  if (r.status !== 0 || !bin) throw new Error(`bash ${script} failed (exit ${r.status})`);
  project.provide('controlPlaneBin', bin);
}
