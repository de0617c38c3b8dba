// `npm run validate [-- DIR...]`: strict offline validation of the synthesized manifests (default
// dist/, and its monitoring/ when there; after an environments synth, each dist/<environment>/) against the Kubernetes versions we claim: kinds served,
// unknown fields, types, enums and required fields (prometheus-operator's custom resources: their
// types). Exits 1 on any problem, naming the object and the field.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RESERVED_ENVIRONMENT_NAMES } from '../profile/environments';
import { printable } from '../profile/problems';
import { KUBERNETES_VERSIONS, validateFolder } from '../validation/validate-manifests';

const USAGE = `usage: npm run validate -- [DIR...]
  DIR                 a folder synth wrote (default dist/); an environments synth's folder: each environment's
  --help              this text`;

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  console.log(USAGE);
  process.exit(0);
}
const unknown = args.filter((a) => a.startsWith('-'));
if (unknown.length) {
  console.error(`error: unknown option ${unknown.map((a) => `'${printable(a)}'`).join(', ')}\n${USAGE}`);
  process.exit(2);
}
const given = args.length ? args : ['dist'];
const missing = given.filter((d) => !fs.existsSync(d) || !fs.statSync(d).isDirectory());
if (missing.length) {
  for (const d of missing) console.error(`error: ${printable(d)}: is not a folder; give a folder synth wrote (npm run synth writes dist/)`);
  process.exit(1);
}
const hasYaml = (d: string) => fs.readdirSync(d).some((f) => f.endsWith('.yaml'));
// An environments synth's folder holds one output per environment (and argocd/, with no Kubernetes kinds of ours).
const outputs = given.flatMap((d) =>
  hasYaml(d)
    ? [d]
    : fs
        .readdirSync(d, { withFileTypes: true })
        .filter((e) => e.isDirectory() && !(RESERVED_ENVIRONMENT_NAMES as readonly string[]).includes(e.name))
        .map((e) => path.join(d, e.name)),
);
// A synthesized folder's monitoring/ subfolder holds the custom resources of the Prometheus stack.
const dirs = outputs.flatMap((d) => [d, ...(fs.existsSync(path.join(d, 'monitoring')) ? [path.join(d, 'monitoring')] : [])]);
let failed = false;
for (const dir of dirs) {
  const { objects, problems } = validateFolder(dir);
  for (const p of problems) console.log(`ERROR ${p.object} [${p.version}]: ${p.message}`);
  console.log(
    `${dir}: ${objects} objects, ${problems.length} problems (Kubernetes ${KUBERNETES_VERSIONS.map((v) => v.version).join(', ')})`,
  );
  failed ||= problems.length > 0 || objects === 0;
}
process.exitCode = failed ? 1 : 0;
