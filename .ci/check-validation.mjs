// Runs the strict validator on a synthesized folder: fails on any error and on any warning.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const dir = process.argv[2];
const validator = path.resolve(import.meta.dirname, '..', '..', 'shared', 'tools', 'k8s-validate', 'validate.mjs');
const r = spawnSync(process.execPath, [validator, dir], { encoding: 'utf8' });
process.stdout.write(r.stdout);
process.stderr.write(r.stderr);
const warnings = r.stdout.split('\n').filter((l) => l.startsWith('WARN'));
if (r.status !== 0 || warnings.length) {
  console.error(`validation failed: exit ${r.status}${warnings.length ? `, ${warnings.length} warning(s)` : ''}`);
  process.exit(1);
}
