import * as fs from 'node:fs';
import * as path from 'node:path';
import { synthCommand } from '../../app/synth-command';
import type { Layout } from '../../app/topology/graphviz';
import { tempDir } from './temp';

export interface Outcome {
  readonly status: number;
  readonly lines: readonly string[];
  readonly distBefore: Record<string, string>;
  readonly distAfter: Record<string, string>;
}

/** Every file of a folder, sub-folders included, by its path in it. */
export const readDir = (dir: string): Record<string, string> =>
  Object.fromEntries(
    (fs.readdirSync(dir, { recursive: true }) as string[])
      .filter((f) => fs.statSync(path.join(dir, f)).isFile())
      .sort()
      .map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]),
  );

/** Runs the synth command in this process, as `npm run synth` does (drawing with `layout`, if given), over a dist/ that has a previous output. */
export function runSynth(argv: readonly string[], layout?: Layout): Outcome {
  const dist = tempDir('dojot-dist-');
  fs.writeFileSync(path.join(dist, 'previous.k8s.yaml'), 'kind: Previous\n');
  const distBefore = readDir(dist);
  const lines: string[] = [];
  const status = synthCommand(
    argv,
    { DOJOT_DIST: dist, CDK8S_OUTDIR: tempDir('dojot-out-') },
    { err: (l) => lines.push(...l.split('\n')), out: (l) => lines.push(...l.split('\n')) },
    layout,
  );
  return { status, lines, distBefore, distAfter: readDir(dist) };
}
