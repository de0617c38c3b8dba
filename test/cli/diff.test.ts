import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as YAML from 'yaml';
import { type DiffOptions, diffCommand } from '../../app/diff/diff-command';
import { runSynth } from '../helpers/run-synth';
import { GUIDE_INVENTORY } from '../helpers/synth';
import { tempDir } from '../helpers/temp';

const ROOT = path.resolve(__dirname, '..', '..');

function runDiff(...argv: string[]) {
  return runDiffWith({}, {}, ...argv);
}
function runDiffWith(env: NodeJS.ProcessEnv, options: DiffOptions, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = diffCommand(argv, env, { out: (l) => out.push(l), err: (l) => err.push(l) }, options);
  return { status, out, err };
}
const profileFile = (text: string) => {
  const file = path.join(tempDir('dojot-diff-test-'), 'profile.yaml');
  fs.writeFileSync(file, text);
  return file;
};

/** A copy of the guide's inventory (hosts.yaml and group_vars/all/), to change. */
function guideCopy(): string {
  const dir = path.join(tempDir('dojot-diff-inventory-'), 'inventory');
  fs.cpSync(GUIDE_INVENTORY, dir, { recursive: true });
  return dir;
}

/** The 100k output with the guide's inventory (haproxy.cfg, the sysctl file, the Helm values, the host script), synthesized once. */
let base: string | undefined;
function baseOutput(): string {
  if (!base) {
    base = path.join(tempDir('dojot-diff-base-'), 'out');
    const synth = runSynth(['--profile', '100k', '--inventory', guideCopy(), '--out', base]);
    expect(synth.status, synth.lines.join('\n')).toBe(0);
  }
  return base;
}
/** A copy of the base output, to change by hand. */
function copyOfBase(): string {
  const dir = path.join(tempDir('dojot-diff-copy-'), 'out');
  fs.cpSync(baseOutput(), dir, { recursive: true });
  return dir;
}
const manifestOf = (dir: string, chart: string) => {
  const file = fs.readdirSync(dir).find((f) => f.endsWith(`-${chart}.k8s.yaml`));
  if (!file) throw new Error(`no ${chart} manifest in ${dir}`);
  return path.join(dir, file);
};
/** Changes one object of a manifest in place (written again as cdk8s writes YAML: 1.1). */
// biome-ignore lint/suspicious/noExplicitAny: a manifest's object, changed as each test needs
function editObject(file: string, kind: string, name: string, change: (o: any) => void): void {
  const objects = YAML.parseAllDocuments(fs.readFileSync(file, 'utf8'), { version: '1.1' }).map((d) => d.toJS());
  const target = objects.find((o) => o.kind === kind && o.metadata.name === name);
  if (!target) throw new Error(`no ${kind}/${name} in ${file}`);
  change(target);
  fs.writeFileSync(file, objects.map((o) => YAML.stringify(o, { version: '1.1', lineWidth: 0 })).join('---\n'));
}
/** The changed lines of a unified diff in the output (`-`/`+`, not the hunk headers), their indent removed. */
const changedLines = (out: readonly string[], indent: string) =>
  out.filter((l) => l.startsWith(`${indent}-`) || l.startsWith(`${indent}+`)).map((l) => l.slice(indent.length));

describe('npm run diff: objects', () => {
  it('says there are no changes, exit 0, between identical outputs', () => {
    expect(runDiff('--from', '100k', '--to', '100k')).toEqual({ status: 0, out: ['no changes'], err: [] });
  });

  it('names kong-external and its new NodePort 30002 when Kong gets mutual TLS, the port by its name', () => {
    const r = runDiff('--from', '100k', '--to', profileFile('preset: 100k\napigw: { mutualTls: true }\n'));
    expect(r.status).toBe(1);
    const at = r.out.indexOf('  ~ Service/dojot/kong-external');
    expect(at).toBeGreaterThan(0);
    expect(r.out[at + 1]).toBe(
      '      spec.ports[name=apigw-https]: added {"name":"apigw-https","nodePort":30002,"port":8443,"targetPort":8443}',
    );
    expect(r.out.at(-1)).toBe('3 changed, 0 added, 0 removed');
  });

  it('flags StatefulSet/postgres as not changeable in place when its persistence goes, and says how to apply it (Markdown)', () => {
    const r = runDiff(
      '--from',
      '100k',
      '--to',
      profileFile('preset: 100k\npostgres: { persistence: { enabled: false } }\n'),
      '--format',
      'markdown',
    );
    // The host script no longer makes postgres' folder: a file changed, besides the objects.
    expect(r.out[0]).toBe('**dojot:** 1 changed, 0 added, 1 removed; files: 1 changed, 0 added, 0 removed; 1 not changeable in place');
    expect(r.out).toContain('- `~ StatefulSet/dojot/postgres`');
    expect(r.out).toContain(
      '  - :warning: **`spec.volumeClaimTemplates` cannot change in place:** kubectl -n dojot delete statefulset postgres --cascade=orphan, then apply: its pods keep running and its claims and data stay, and the new StatefulSet adopts them',
    );
    expect(r.out).toContain('- `- PersistentVolume/local-pv-postgres`');
    const at = r.out.indexOf('- `~ prepare-local-volumes.sh`');
    expect(at, r.out.join('\n')).toBeGreaterThan(0);
    expect(r.out[at + 1]).toBe('  ```diff');
    expect(r.out.slice(at).filter((l) => l.startsWith('  -') && l.includes('postgres')).length).toBeGreaterThan(0);
  });

  it('shows one env variable added as exactly one change, matched by name (not ten shifted ones)', () => {
    const after = copyOfBase();
    editObject(manifestOf(after, 'auth'), 'Deployment', 'auth', (d) => {
      const auth = d.spec.template.spec.containers.find((c: { name: string }) => c.name === 'auth');
      expect(auth.env.length).toBeGreaterThan(5);
      auth.env.unshift({ name: 'AUTH_NEW_SETTING', value: 'on' });
    });
    expect(runDiff('--from', baseOutput(), '--to', after)).toEqual({
      status: 1,
      out: [
        'auth',
        '  ~ Deployment/dojot/auth',
        '      spec.template.spec.containers[name=auth].env[name=AUTH_NEW_SETTING]: added {"name":"AUTH_NEW_SETTING","value":"on"}',
        '1 changed, 0 added, 0 removed',
      ],
      err: [],
    });
  });

  it('shows a container removed from a pod as one change, the others matched by name', () => {
    const after = copyOfBase();
    editObject(manifestOf(after, 'auth'), 'Deployment', 'auth', (d) => {
      const containers: { name: string }[] = d.spec.template.spec.containers;
      // The first of two: by index, the second would read as the first changed and the second removed.
      expect(containers.map((c) => c.name)).toEqual(['auth', 'redis']);
      d.spec.template.spec.containers = containers.filter((c) => c.name !== 'auth');
    });
    const r = runDiff('--from', baseOutput(), '--to', after);
    expect(r.status).toBe(1);
    expect(r.out.slice(0, 2)).toEqual(['auth', '  ~ Deployment/dojot/auth']);
    expect(r.out[2]).toMatch(/^ {6}spec\.template\.spec\.containers\[name=auth\]: removed \(was \{.*"name":"auth"/);
    expect(r.out.slice(3)).toEqual(['1 changed, 0 added, 0 removed']);
  });

  it('shows a new order of the same containers as one change of the list', () => {
    const after = copyOfBase();
    editObject(manifestOf(after, 'auth'), 'Deployment', 'auth', (d) => {
      d.spec.template.spec.containers.reverse();
    });
    expect(runDiff('--from', baseOutput(), '--to', after).out).toEqual([
      'auth',
      '  ~ Deployment/dojot/auth',
      '      spec.template.spec.containers (order): "name=auth, name=redis" -> "name=redis, name=auth"',
      '1 changed, 0 added, 0 removed',
    ]);
  });

  it("shows a ConfigMap's script line by line, not as one escaped string", () => {
    const after = copyOfBase();
    editObject(manifestOf(after, 'kong'), 'ConfigMap', 'kong-config', (c) => {
      const script: string = c.data['kong-config.sh'];
      expect(script).toContain("authorized 'data-broker'\n");
      c.data['kong-config.sh'] = script.replace("authorized 'data-broker'\n", "authorized 'data-broker-v2'\n");
    });
    const r = runDiff('--from', baseOutput(), '--to', after);
    expect(r.status).toBe(1);
    const at = r.out.indexOf('      data.kong-config.sh: changed, line by line:');
    expect(at, r.out.join('\n')).toBe(2);
    expect(r.out[at + 1]).toMatch(/^ {8}@@ -\d+,7 \+\d+,7 @@$/);
    expect(changedLines(r.out, '        ')).toEqual(["-authorized 'data-broker'", "+authorized 'data-broker-v2'"]);
    expect(r.out.every((l) => !l.includes('\\n'))).toBe(true);
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

describe('npm run diff: every file synth writes', () => {
  it('shows the changed server lines of haproxy.cfg when a VerneMQ node moves to another address in the inventory', () => {
    const moved = guideCopy();
    const hosts = path.join(moved, 'hosts.yaml');
    const text = fs.readFileSync(hosts, 'utf8');
    // The MQTT group's second node (its other mention, the machine's ansible_host, stays).
    expect(text.match(/^ {8}192\.168\.0\.15:$/gm)).toHaveLength(1);
    fs.writeFileSync(hosts, text.replace(/^ {8}192\.168\.0\.15:$/m, '        192.168.0.25:'));
    // One side a hosts file (its group_vars/ beside it are read), the other its directory: both inventories.
    const r = runDiff('--profile', '100k', '--from', path.join(guideCopy(), 'hosts.yaml'), '--to', moved);
    expect(r.status, r.err.join('\n')).toBe(1);
    expect(r.out[0]).toBe('files');
    expect(r.out[1]).toBe('  ~ haproxy.cfg');
    expect(r.out[2]).toMatch(/^ {6}@@ -\d+,\d+ \+\d+,\d+ @@$/);
    expect(changedLines(r.out, '      ')).toEqual([
      '-    server mqtt-2 192.168.0.15:30004 check inter 1000ms fall 3 rise 5',
      '+    server mqtt-2 192.168.0.25:30004 check inter 1000ms fall 3 rise 5',
      '-    server mqtt-2 192.168.0.15:30005 check inter 1000ms fall 3 rise 5',
      '+    server mqtt-2 192.168.0.25:30005 check inter 1000ms fall 3 rise 5',
    ]);
    expect(r.out.at(-1)).toBe('0 changed, 0 added, 0 removed; files: 1 changed, 0 added, 0 removed');
  });

  it('shows the changed lines of haproxy.cfg and the changed key of the Helm values when nodePorts.metrics changes (--inventory under both)', () => {
    const inventory = guideCopy();
    const r = runDiff('--inventory', inventory, '--from', '100k', '--to', profileFile('preset: 100k\nnodePorts: { metrics: 30013 }\n'));
    expect(r.status, r.err.join('\n')).toBe(1);
    const haproxy = r.out.indexOf('  ~ haproxy.cfg');
    const values = r.out.indexOf('  ~ helm/kube-prometheus-stack.values.json');
    expect(haproxy, r.out.join('\n')).toBeGreaterThan(0);
    expect(values).toBeGreaterThan(haproxy);
    expect(changedLines(r.out.slice(haproxy, values), '      ')).toEqual([
      '-# Grafana (metrics stack): port 8080 -> NodePort 30003 of the metrics nodes',
      '+# Grafana (metrics stack): port 8080 -> NodePort 30013 of the metrics nodes',
      '-    server metrics-1 192.168.0.13:30003 check inter 1000ms fall 3 rise 5',
      '+    server metrics-1 192.168.0.13:30013 check inter 1000ms fall 3 rise 5',
    ]);
    expect(r.out[values + 1]).toBe('      grafana.service.nodePort: 30003 -> 30013');
  });

  it('shows a file added and a file removed as one line each', () => {
    const after = copyOfBase();
    fs.writeFileSync(path.join(after, 'extra.conf'), 'one\ntwo\n');
    fs.rmSync(path.join(after, 'sysctl-load-balancer.conf'));
    expect(runDiff('--from', baseOutput(), '--to', after)).toEqual({
      status: 1,
      out: [
        'files',
        '  + extra.conf: added',
        '  - sysctl-load-balancer.conf: removed',
        '0 changed, 0 added, 0 removed; files: 0 changed, 1 added, 1 removed',
      ],
      err: [],
    });
  });

  it('compares two output folders (DIR vs DIR): identical ones exit 0; a changed sysctl line and a changed picture are found', () => {
    expect(runDiff('--from', baseOutput(), '--to', copyOfBase())).toEqual({ status: 0, out: ['no changes'], err: [] });
    const before = copyOfBase();
    const after = copyOfBase();
    const sysctl = path.join(after, 'sysctl-load-balancer.conf');
    const text = fs.readFileSync(sysctl, 'utf8');
    expect(text).toContain('\nnet.core.somaxconn = 4096\n');
    fs.writeFileSync(sysctl, text.replace('\nnet.core.somaxconn = 4096\n', '\nnet.core.somaxconn = 8192\n'));
    fs.writeFileSync(path.join(before, 'topology.svg'), '<svg>old</svg>\n');
    fs.writeFileSync(path.join(after, 'topology.svg'), '<svg>new</svg>\n');
    const r = runDiff('--from', before, '--to', after);
    expect(r.status).toBe(1);
    expect(r.out.slice(0, 3)).toEqual(['files', '  ~ sysctl-load-balancer.conf', expect.stringMatching(/^ {6}@@ -\d+,7 \+\d+,7 @@$/)]);
    // Three lines of context either side.
    expect(r.out.slice(3, 11).map((l) => l[6])).toEqual([' ', ' ', ' ', '-', '+', ' ', ' ', ' ']);
    expect(r.out).toHaveLength(13);
    expect(changedLines(r.out, '      ')).toEqual(['-net.core.somaxconn = 4096', '+net.core.somaxconn = 8192']);
    expect(r.out.slice(-2)).toEqual([
      '  ~ topology.svg: the picture changed',
      '0 changed, 0 added, 0 removed; files: 2 changed, 0 added, 0 removed',
    ]);
  });

  it("compares an environments synth's folders file by file, each under its environment", () => {
    const dir = tempDir('dojot-diff-env-out-');
    fs.writeFileSync(path.join(dir, 'p.yaml'), 'preset: 100k\n');
    fs.writeFileSync(path.join(dir, 'envs.yaml'), 'environments:\n  east: { profile: p.yaml }\n  west: { profile: p.yaml }\n');
    const before = path.join(dir, 'before');
    const synth = runSynth(['--environments', path.join(dir, 'envs.yaml'), '--out', before]);
    expect(synth.status, synth.lines.join('\n')).toBe(0);
    const after = path.join(dir, 'after');
    fs.cpSync(before, after, { recursive: true });
    const script = path.join(after, 'west', 'prepare-local-volumes.sh');
    fs.appendFileSync(script, 'echo done\n');
    expect(runDiff('--from', before, '--to', path.join(dir, 'envs.yaml'))).toEqual({ status: 0, out: ['no changes'], err: [] });
    const r = runDiff('--from', before, '--to', after);
    expect(r.status).toBe(1);
    expect(r.out.slice(0, 2)).toEqual(['files', '  ~ west/prepare-local-volumes.sh']);
    expect(changedLines(r.out, '      ')).toEqual(['+echo done']);
  });

  it('puts the files in the Markdown for a pull request: a unified diff as a ```diff block, a values key as a list item', () => {
    const after = copyOfBase();
    const haproxy = path.join(after, 'haproxy.cfg');
    fs.writeFileSync(haproxy, fs.readFileSync(haproxy, 'utf8').replace('192.168.0.13:30003', '192.168.0.99:30003'));
    const values = path.join(after, 'helm', 'kube-prometheus-stack.values.json');
    const json = JSON.parse(fs.readFileSync(values, 'utf8'));
    json.grafana.service.nodePort = 31111;
    fs.writeFileSync(values, JSON.stringify(json));
    const r = runDiff('--from', baseOutput(), '--to', after, '--format', 'markdown');
    expect(r.status).toBe(1);
    expect(r.out[0]).toBe('**dojot:** 0 changed, 0 added, 0 removed; files: 2 changed, 0 added, 0 removed');
    const at = r.out.indexOf('### files');
    expect(at).toBeGreaterThan(0);
    expect(r.out.slice(at + 2, at + 4)).toEqual(['- `~ haproxy.cfg`', '  ```diff']);
    const end = r.out.indexOf('  ```', at + 4);
    expect(changedLines(r.out.slice(at + 4, end), '  ')).toEqual([
      '-    server metrics-1 192.168.0.13:30003 check inter 1000ms fall 3 rise 5',
      '+    server metrics-1 192.168.0.99:30003 check inter 1000ms fall 3 rise 5',
    ]);
    expect(r.out.slice(end + 1, end + 3)).toEqual([
      '- `~ helm/kube-prometheus-stack.values.json`',
      '  - `grafana.service.nodePort: 30003 -> 31111`',
    ]);
  });
});

describe('npm run diff: git:<ref>', () => {
  /** A repository of its own with the base output committed as its dist/. */
  function repository(): string {
    const repo = tempDir('dojot-diff-repo-');
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: repo, stdio: 'pipe' });
    git('init', '-q');
    fs.cpSync(baseOutput(), path.join(repo, 'dist'), { recursive: true });
    git('add', 'dist');
    git('commit', '-q', '-m', 'output');
    return repo;
  }

  it('reads the dist/ committed at a ref, every file of it, byte for byte', () => {
    const repo = repository();
    expect(runDiffWith({}, { cwd: repo }, '--from', 'git:HEAD', '--to', baseOutput())).toEqual({ status: 0, out: ['no changes'], err: [] });
    const dist = path.join(repo, 'dist');
    fs.writeFileSync(path.join(dist, 'haproxy.cfg'), fs.readFileSync(path.join(dist, 'haproxy.cfg'), 'utf8').replace('rise 5', 'rise 6'));
    const r = runDiffWith({}, { cwd: repo }, '--from', 'git:HEAD', '--to', dist);
    expect(r.status).toBe(1);
    expect(changedLines(r.out, '      ')).toEqual([
      '-    server mqtt-1 192.168.0.14:30004 check inter 1000ms fall 3 rise 5',
      '+    server mqtt-1 192.168.0.14:30004 check inter 1000ms fall 3 rise 6',
    ]);
  });

  it('refuses a bad ref in one line naming the flag, before git reads it, exit 2', () => {
    const repo = repository();
    expect(runDiffWith({}, { cwd: repo }, '--from', 'git:nope', '--to', baseOutput())).toEqual({
      status: 2,
      out: [],
      err: ["error: --from: 'nope' is not a git commit (git rev-parse --verify finds no commit of that name in this repository)"],
    });
    // A ref that is an option of git's is a ref like any other, and a missing one.
    const written = path.join(tempDir('dojot-diff-written-'), 'x');
    const r = runDiffWith({}, { cwd: repo }, '--from', baseOutput(), '--to', `git:--output=${written}`);
    expect(r.status).toBe(2);
    expect(r.err).toEqual([expect.stringMatching(/^error: --to: '--output=.*' is not a git commit/)]);
    expect(fs.existsSync(written)).toBe(false);
    expect(runDiffWith({}, { cwd: tempDir('dojot-diff-norepo-') }, '--from', 'git:HEAD', '--to', baseOutput()).err).toEqual([
      expect.stringMatching(/^error: --from: git:HEAD: .* is not inside a git repository$/),
    ]);
    expect(runDiff('--from', 'git:', '--to', baseOutput()).err).toEqual([
      'error: --from: git: needs a revision after it (git:HEAD, git:main, git:<commit>)',
    ]);
  });
});

describe('npm run diff: its command line', () => {
  it('prints the usage with --help, exit 0, through npm run diff itself', () => {
    const r = runDiff('--help');
    expect(r.status).toBe(0);
    expect(r.out[0]).toMatch(/^usage: npm run -s diff -- --from A --to B \[options\]\n {2}--from A {12}the output before/);
    const script = spawnSync(process.execPath, [require.resolve('tsx/cli'), 'scripts/diff.ts', '--help'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(script.status, script.stderr).toBe(0);
    expect(script.stdout).toBe(`${r.out[0]}\n`);
  });

  it('refuses a missing side with the usage, exit 2', () => {
    const r = runDiff('--from', '100k');
    expect(r.status).toBe(2);
    expect(r.err[0]).toMatch(/^error: --from and --to are both needed/);
  });

  it('refuses --profile, --inventory and --flavour in one line where they cannot apply to both sides', () => {
    const inventory = guideCopy();
    const refused = (argv: string[], message: RegExp) => {
      const r = runDiff(...argv);
      expect(r).toEqual({ status: 2, out: [], err: [expect.stringMatching(message)] });
    };
    refused(
      ['--from', baseOutput(), '--to', '100k', '--flavour', 'vernemq'],
      /^error: --flavour does not apply to an output folder \(--from /,
    );
    refused(
      ['--from', 'git:HEAD', '--to', '100k', '--profile', '100k'],
      /^error: --profile does not apply to git:<ref> \(--from git:HEAD\)/,
    );
    refused(['--from', '100k', '--to', inventory, '--profile', '100k'], /^error: --profile does not apply to a profile \(--from 100k\)/);
    refused(['--from', '100k', '--to', inventory, '--inventory', inventory], /^error: --inventory does not apply to an inventory \(--to /);
  });

  it('reads no DOJOT_* variable: each side says what it is', () => {
    const env = { DOJOT_PROFILE: 'nope', DOJOT_INVENTORY: 'nope', DOJOT_FLAVOUR: 'mosca' };
    expect(runDiffWith(env, {}, '--from', baseOutput(), '--to', copyOfBase())).toEqual({ status: 0, out: ['no changes'], err: [] });
  });
});
