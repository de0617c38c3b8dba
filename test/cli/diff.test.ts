import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffCommand } from '../../app/diff/diff-command';
import { runSynth } from '../helpers/run-synth';
import { tempDir } from '../helpers/temp';

function runDiff(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = diffCommand(argv, {}, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { status, out, err };
}
const profileFile = (text: string) => {
  const file = path.join(tempDir('dojot-diff-test-'), 'profile.yaml');
  fs.writeFileSync(file, text);
  return file;
};

describe('npm run diff', () => {
  it('says there are no changes, exit 0, between identical outputs', () => {
    expect(runDiff('--from', '100k', '--to', '100k')).toEqual({ status: 0, out: ['no changes'], err: [] });
  });

  it('names kong-external and its new NodePort 30002 when Kong gets mutual TLS', () => {
    const r = runDiff('--from', '100k', '--to', profileFile('preset: 100k\napigw: { mutualTls: true }\n'));
    expect(r.status).toBe(1);
    const at = r.out.indexOf('  ~ Service/dojot/kong-external');
    expect(at).toBeGreaterThan(0);
    expect(r.out[at + 1]).toBe('      spec.ports[1]: added {"name":"apigw-https","nodePort":30002,"port":8443,"targetPort":8443}');
    expect(r.out.at(-1)).toBe('3 changed, 0 added, 0 removed');
  });

  it('flags StatefulSet/postgres as not changeable in place when its persistence goes, and says how to apply it', () => {
    const r = runDiff(
      '--from',
      '100k',
      '--to',
      profileFile('preset: 100k\npostgres: { persistence: { enabled: false } }\n'),
      '--format',
      'markdown',
    );
    expect(r.out[0]).toBe('**dojot:** 1 changed, 0 added, 1 removed; 1 not changeable in place');
    expect(r.out).toContain('- `~ StatefulSet/dojot/postgres`');
    expect(r.out).toContain(
      '  - :warning: **`spec.volumeClaimTemplates` cannot change in place:** kubectl -n dojot delete statefulset postgres --cascade=orphan, then apply: its pods keep running and its claims and data stay, and the new StatefulSet adopts them',
    );
    expect(r.out).toContain('- `- PersistentVolume/local-pv-postgres`');
  });

  it('reads an output folder (npm run synth -- --out DIR) as it is, as either side', () => {
    const dir = tempDir('dojot-diff-out-');
    const synth = runSynth(['--profile', '100k', '--out', path.join(dir, 'out')]);
    expect(synth.status, synth.lines.join('\n')).toBe(0);
    expect(runDiff('--from', path.join(dir, 'out'), '--to', '100k')).toEqual({ status: 0, out: ['no changes'], err: [] });
    // A hand-made change in the folder is found: the folder is read, not synthesized again.
    const file = path.join(dir, 'out', fs.readdirSync(path.join(dir, 'out')).find((f) => f.endsWith('-zookeeper.k8s.yaml')) ?? 'none');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('serviceName: zookeeper-cluster', 'serviceName: zookeeper-old'));
    const r = runDiff('--from', path.join(dir, 'out'), '--to', '100k');
    expect(r.status).toBe(1);
    expect(r.out).toContain('      spec.serviceName: "zookeeper-old" -> "zookeeper-cluster"');
    expect(runDiff('--from', path.join(dir, 'out'), '--to', '100k', '--flavour', 'vernemq').err[0]).toMatch(
      /--flavour does not apply to an output folder/,
    );
  });

  it('refuses a missing side with the usage, exit 2', () => {
    const r = runDiff('--from', '100k');
    expect(r.status).toBe(2);
    expect(r.err[0]).toMatch(/^error: --from and --to are both needed/);
  });

  it('compares environments files environment by environment, Applications included', () => {
    const dir = tempDir('dojot-diff-envs-');
    const write = (name: string, text: string) => fs.writeFileSync(path.join(dir, name), text);
    write('a.yaml', 'preset: 100k\nargocd: { repoURL: https://git.example.com/d.git, destinationServer: https://a.example.com }\n');
    write('b.yaml', 'preset: 100k\nargocd: { repoURL: https://git.example.com/d.git, destinationServer: https://b.example.com }\n');
    write(
      'b-tls.yaml',
      'preset: 100k\napigw: { mutualTls: true }\nargocd: { repoURL: https://git.example.com/d.git, destinationServer: https://b.example.com, targetRevision: v2 }\n',
    );
    write('before.yaml', 'environments:\n  a: { profile: a.yaml }\n  b: { profile: b.yaml }\n');
    write('after.yaml', 'environments:\n  a: { profile: a.yaml }\n  b: { profile: b-tls.yaml }\n');
    const r = runDiff('--from', path.join(dir, 'before.yaml'), '--to', path.join(dir, 'after.yaml'));
    expect(r.status).toBe(1);
    expect(r.out).toContain('b/kong');
    expect(r.out).toContain('  ~ b: Service/dojot/kong-external');
    expect(r.out).toContain('  ~ Application/argocd/dojot-b');
    expect(r.out).toContain('      spec.source.targetRevision: "HEAD" -> "v2"');
    expect(r.out.filter((l) => l.startsWith('  ~ a: ') || l.startsWith('a/'))).toEqual([]);
    expect(r.out.at(-1)).toBe('4 changed, 0 added, 0 removed');
  });
});
