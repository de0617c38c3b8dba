// Runs the shared strict validator on a synthesized folder (its YAML files, and monitoring/'s with
// the CRDs of the Prometheus stack): fails on any error and on any warning.
//
// The stack's PrometheusRule CRD (prometheus-operator v0.93.0) has a Go regular expression,
// `^(?i)(abort|warn)?$`, that the validator's ajv cannot compile (JavaScript has no inline flags),
// and it stops on it. The validator then gets a copy of the CRDs with that one pattern written
// the JavaScript way, with the same meaning (case-insensitive abort or warn, or nothing).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const dir = process.argv[2];
const shared = path.resolve(import.meta.dirname, '..', '..', 'shared');
const validator = path.join(shared, 'tools', 'k8s-validate', 'validate.mjs');
const files = (d) =>
  fs.existsSync(d)
    ? fs
        .readdirSync(d)
        .filter((f) => f.endsWith('.yaml'))
        .map((f) => path.join(d, f))
    : [];

const crds = fs.mkdtempSync(path.join(os.tmpdir(), 'dojot-crds-'));
for (const f of files(path.join(shared, 'kubernetes-schemas', 'crds'))) {
  const text = fs.readFileSync(f, 'utf8').replaceAll('pattern: ^(?i)(abort|warn)?$', 'pattern: ^([aA][bB][oO][rR][tT]|[wW][aA][rR][nN])?$');
  fs.writeFileSync(path.join(crds, path.basename(f)), text);
}
const args = [validator, '--crds', crds, ...files(dir), ...files(path.join(dir, 'monitoring')), ...files(path.join(dir, 'argocd'))];
const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
process.stdout.write(r.stdout);
process.stderr.write(r.stderr);
const warnings = r.stdout.split('\n').filter((l) => l.startsWith('WARN'));
if (r.status !== 0 || warnings.length) {
  console.error(`validation failed: exit ${r.status}${warnings.length ? `, ${warnings.length} warning(s)` : ''}`);
  process.exit(1);
}
