// Earlier outputs for the upgrade rehearsals: the current synth of the guide's settings, with some
// objects edited as an earlier output would have had them.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as YAML from 'yaml';
import { saveYamlDocuments } from '../../../app/yaml-documents';

const ROOT = path.join(__dirname, '..', '..', '..');

/** An edit of one object of the output: `Kind/name` → what to change in it. */
// biome-ignore lint/suspicious/noExplicitAny: an output object, edited by its shape
export type Edits = Readonly<Record<string, (o: any) => void>>;

/**
 * `npm run synth -- FLAGS --out DIR`, then each edited object rewritten in its file. An edit that
 * finds no object is an error: the test would otherwise rehearse no change at all.
 */
export function earlierOutput(flags: readonly string[], edits: Edits): string {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dojot-rehearsal-profile-')), 'earlier');
  const r = spawnSync('npm', ['run', '-s', 'synth', '--', ...flags, '--out', out], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, CDK8S_OUTDIR: `${out}-scratch` },
  });
  if (r.status !== 0) throw new Error(`synth failed: ${r.stderr}`);
  const unused = new Set(Object.keys(edits));
  for (const file of fs.readdirSync(out).filter((f) => f.endsWith('.k8s.yaml'))) {
    const docs = YAML.parseAllDocuments(fs.readFileSync(path.join(out, file), 'utf8')).map((d) => d.toJS());
    let changed = false;
    for (const o of docs) {
      const key = `${o?.kind}/${o?.metadata?.name}`;
      if (!edits[key]) continue;
      edits[key](o);
      unused.delete(key);
      changed = true;
    }
    // Written as synth writes (YAML 1.1, as the API server reads it: "y" stays a string).
    if (changed) saveYamlDocuments(path.join(out, file), docs);
  }
  if (unused.size) throw new Error(`the output has no ${[...unused].join(', ')} to edit`);
  return out;
}
