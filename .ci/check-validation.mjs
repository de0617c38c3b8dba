// Runs the strict validator on a synthesized folder. Fails on any error, and on any warning
// other than the ones this design cannot avoid (listed, with the reason, below).
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const KNOWN_WARNINGS = [
  // The vmq-operator creates the broker pods at run time from the VerneMQ resource, so no pod
  // template in dist/ carries the labels these two Services select.
  'WARN  Service/dojot/vernemq-k8s: selector {"app":"vernemq","vernemq":"k8s"} matches no pod template in the input',
  'WARN  Service/dojot/vernemq-k8s-external-service: selector {"vernemq":"k8s"} matches no pod template in the input',
];

const dir = process.argv[2];
const validator = path.resolve(import.meta.dirname, '..', '..', 'shared', 'tools', 'k8s-validate', 'validate.mjs');
const r = spawnSync(process.execPath, [validator, dir], { encoding: 'utf8' });
process.stdout.write(r.stdout);
process.stderr.write(r.stderr);
const unexpected = r.stdout.split('\n').filter((l) => l.startsWith('WARN') && !KNOWN_WARNINGS.includes(l));
if (r.status !== 0 || unexpected.length) {
  console.error(`validation failed: exit ${r.status}${unexpected.length ? `, unexpected warnings:\n${unexpected.join('\n')}` : ''}`);
  process.exit(1);
}
