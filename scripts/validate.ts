// `npm run validate [-- DIR...]`: strict offline validation of the synthesized manifests
// (default dist/) against the Kubernetes versions we claim: kinds served, unknown fields,
// types, enums and required fields. Exits 1 on any problem, naming the object and the field.
import { KUBERNETES_VERSIONS, validateFolder } from '../validation/validate-manifests';

const dirs = process.argv.slice(2).length ? process.argv.slice(2) : ['dist'];
let failed = false;
for (const dir of dirs) {
  const { objects, problems } = validateFolder(dir);
  for (const p of problems) console.log(`ERROR ${p.object} [${p.version}]: ${p.message}`);
  console.log(`${dir}: ${objects} objects, ${problems.length} problems (Kubernetes ${KUBERNETES_VERSIONS.map((v) => v.version).join(', ')})`);
  failed ||= problems.length > 0 || objects === 0;
}
process.exitCode = failed ? 1 : 0;
