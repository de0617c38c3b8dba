// `npm run validate [-- DIR...]`: strict offline validation of the synthesized manifests (default
// dist/, and its monitoring/ when there; after an environments synth, each dist/<environment>/) against the Kubernetes versions we claim: kinds served,
// unknown fields, types, enums and required fields (prometheus-operator's custom resources: their
// types). Exits 1 on any problem, naming the object and the field.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RESERVED_ENVIRONMENT_NAMES } from '../profile/environments';
import { KUBERNETES_VERSIONS, validateFolder } from '../validation/validate-manifests';

const given = process.argv.slice(2).length ? process.argv.slice(2) : ['dist'];
const hasYaml = (d: string) => fs.existsSync(d) && fs.readdirSync(d).some((f) => f.endsWith('.yaml'));
// An environments synth's folder holds one output per environment (and argocd/, with no Kubernetes kinds of ours).
const outputs = given.flatMap((d) =>
  hasYaml(d) || !fs.existsSync(d)
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
