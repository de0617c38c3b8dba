import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

// Vitest global setup: a folder for this run's synthesized profiles, which every test worker
// shares (test/helpers/synth.ts), removed at the end. A new run never reads an old one.
export default function setup(): () => void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dojot-synth-cache-'));
  process.env.DOJOT_TEST_SYNTH_CACHE = dir;
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
