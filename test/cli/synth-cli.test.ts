import { execFile, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runSynth } from '../helpers/run-synth';
import { tempDir } from '../helpers/temp';

const ROOT = path.resolve(__dirname, '..', '..');

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly dist: string;
}

/** Runs a synth command with its own dist/ and scratch folders. */
function run(command: string[], env: Record<string, string>, dist = tempDir('dojot-dist-')): Run {
  const scratch = tempDir('dojot-out-');
  const [cmd, ...args] = command.map((a) => a.replace('$SCRATCH', scratch));
  const r = spawnSync(cmd, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, DOJOT_DIST: dist, CDK8S_OUTDIR: scratch, ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, dist };
}

/** As `run`, without blocking: commands that do not depend on each other run side by side. */
function runAsync(command: string[], env: Record<string, string>, dist = tempDir('dojot-dist-')): Promise<Run> {
  const scratch = tempDir('dojot-out-');
  const [cmd, ...args] = command.map((a) => a.replace('$SCRATCH', scratch));
  return new Promise((resolve, reject) => {
    execFile(
      cmd,
      args,
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, DOJOT_DIST: dist, CDK8S_OUTDIR: scratch, ...env } },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') reject(error);
        else resolve({ status: error ? (error.code as number) : 0, stdout, stderr, dist });
      },
    );
  });
}

const APP = [process.execPath, 'scripts/run-app.cjs'];
/** cdk8s-cli itself (`npx cdk8s` without npx's own start-up). */
const CDK8S = path.join(ROOT, 'node_modules', 'cdk8s-cli', 'bin', 'cdk8s');
const CLI = [process.execPath, CDK8S, 'synth', '--no-check-upgrade', '--output', '$SCRATCH'];

/** Every file of a folder, name → bytes. */
function read(dir: string): Record<string, Buffer> {
  const files = (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(dir, f)).isFile()).sort();
  return Object.fromEntries(files.map((f) => [f, fs.readFileSync(path.join(dir, f))]));
}

function withPrevious(): string {
  const dist = tempDir('dojot-dist-');
  fs.writeFileSync(path.join(dist, 'previous.k8s.yaml'), 'kind: Previous\n');
  return dist;
}

describe('a bad profile, through the real commands', () => {
  const bad = path.join(tempDir('dojot-bad-'), 'dojot.yaml');
  fs.writeFileSync(bad, 'dojot_vernemq_replicas: 0\ndojot_nodeports: { mqtt: 99999 }\n');
  const expectProblems = (r: Run) => {
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain(`error: ${bad}: 2 problems`);
    expect(r.stderr).toContain('  - dojot_vernemq_replicas (vernemq.replicas): must be a whole number of replicas from 1 to 1000, got 0');
    expect(r.stderr).toContain('  - dojot_nodeports.mqtt (nodePorts.mqtt): must be an integer from 30000 to 32767, got 99999');
    expect(r.stderr).toContain('was left as it was.');
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(Object.keys(read(r.dist))).toEqual(['previous.k8s.yaml']);
  };

  it('npm run synth: exits 1 with one line per problem, no stack trace, dist/ untouched', () => {
    const r = run(['npm', 'run', '-s', 'synth', '--', '--profile', bad], {}, withPrevious());
    expectProblems(r);
    expect(r.status).toBe(1);
  });

  it("npx cdk8s synth: the same, then the CLI's own one line (as the README shows)", () => {
    const r = run(CLI, { DOJOT_PROFILE: bad }, withPrevious());
    expectProblems(r);
    // The README's wording, with this run's output folder in place of .cdk8s.out.
    expect(r.stderr.trim().split('\n').at(-1)).toMatch(/^ERROR: synthesis failed, app expected to create "[^"]+"$/);
  });
});

describe('a good synth', () => {
  let first: Run;
  let second: Run;
  beforeAll(async () => {
    [first, second] = await Promise.all([
      runAsync(CLI, { DOJOT_PROFILE: '100k' }, withPrevious()),
      runAsync(APP, { DOJOT_PROFILE: '100k' }),
    ]);
  });

  it('replaces the previous dist/ as a whole', () => {
    expect(first.status).toBe(0);
    expect(read(first.dist)['previous.k8s.yaml']).toBeUndefined();
    expect(read(first.dist)['0000-namespace.k8s.yaml']).toBeDefined();
  });

  it('gives identical bytes twice, by cdk8s synth and by the app', () => {
    expect(second.status).toBe(0);
    expect(read(second.dist)).toEqual(read(first.dist));
  });

  it('orders the files so that the namespace and the storage come first', () => {
    const files = Object.keys(read(first.dist)).filter((f) => f.endsWith('.yaml'));
    expect(files.slice(0, 2)).toEqual(['0000-namespace.k8s.yaml', '0001-storage.k8s.yaml']);
  });

  it('says in one line that the load balancer needs an inventory, and writes none of its files without one', () => {
    expect(second.stderr).toContain(
      "note: no inventory: the load balancer's files (haproxy.cfg and its sysctl file) need its nodes; give --inventory to write them",
    );
    expect(Object.keys(read(second.dist)).filter((f) => !f.endsWith('.yaml') && !f.endsWith('.sh') && !f.startsWith('helm/'))).toEqual([]);
  });
});

describe('the output folder', () => {
  it("refuses dist/ itself as cdk8s synth's output folder, and says dist/ was emptied", () => {
    // As `cdk8s synth -o <dist>` runs the app (cdk8s-cli's synthApp): the output folder in
    // CDK8S_OUTDIR, emptied before the app starts, and its marker variable set.
    const dist = tempDir('dojot-dist-');
    const r = spawnSync(process.execPath, ['scripts/run-app.cjs'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, DOJOT_DIST: dist, CDK8S_OUTDIR: dist, CDK8S_RECORD_CONSTRUCT_METADATA: 'false' },
    });
    expect(r.stderr).toContain(`error: the output folder is ${dist}/ itself (cdk8s synth -o ${dist}): the app writes ${dist}/`);
    expect(r.stderr).toContain(`${dist}/ was emptied before the app ran; write it again with npm run synth.`);
    expect(r.stderr).not.toContain('was left as it was');
    // No output folder: the CLI then fails with its own line, and a non-zero status.
    expect(fs.existsSync(dist)).toBe(false);
  });
});

describe('--help', () => {
  it('lists the options of the synth command', () => {
    const r = runSynth(['--help']);
    expect(r.status).toBe(0);
    expect(r.lines).toContain('usage: npm run synth -- [options]');
    for (const flag of ['--profile', '--inventory', '--flavour', '--environments', '--topology'])
      expect(r.lines.some((l) => l.startsWith(`  ${flag} `))).toBe(true);
  });

  it('is what npm run synth runs, with the picture; the cdk8s app runs it without', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.scripts.synth).toBe('node scripts/run-app.cjs --topology');
    expect(fs.readFileSync(path.join(ROOT, 'cdk8s.yaml'), 'utf8')).toMatch(/^app: node scripts\/run-app\.cjs$/m);
  });
});
