// `tsx scripts/original-immutable-facts.ts ORIGINAL.yaml > test/fixtures/...`: reduces objects that
// ansible-dojot v0.6.0 rendered (its roles' templates, rendered with its variables and the guide's
// group_vars, outside this repository: nothing of theirs is committed) to the facts that the
// migration test compares with ours: the fields Kubernetes does not change in place
// (app/diff/immutable-facts.ts), a Job's template as a digest.
import * as fs from 'node:fs';
import * as YAML from 'yaml';
import { immutableFacts } from '../app/diff/immutable-facts';

const [file] = process.argv.slice(2);
if (!file) {
  console.error('usage: tsx scripts/original-immutable-facts.ts ORIGINAL.yaml');
  process.exit(2);
}
const objects = YAML.parseAllDocuments(fs.readFileSync(file, 'utf8'))
  .map((d) => d.toJS())
  .filter(Boolean);
const facts = objects.flatMap((o) => immutableFacts(o) ?? []);
process.stdout.write(YAML.stringify(facts, { lineWidth: 0 }));
