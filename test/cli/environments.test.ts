import * as fs from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import * as YAML from 'yaml';
import { synthCommand } from '../../app/synth-command';
import { type Outcome, runSynth } from '../helpers/run-synth';
import { tempDir } from '../helpers/temp';

const EXAMPLE = path.resolve(__dirname, '..', '..', 'examples', 'environments');
const EXAMPLE_FILE = path.join(EXAMPLE, 'environments.yaml');

/** The files of one folder of an output (`production/...`), by their path inside it. */
const folder = (files: Record<string, string>, dir: string) =>
  Object.fromEntries(
    Object.entries(files)
      .filter(([f]) => f.startsWith(`${dir}/`))
      .map(([f, c]) => [f.slice(dir.length + 1), c]),
  );

const withoutApplication = (files: Record<string, string>) =>
  Object.fromEntries(Object.entries(files).filter(([f]) => !f.startsWith('argocd/')));

/** An environments file in a folder of its own. */
function environmentsFile(text: string): string {
  const file = path.join(tempDir('dojot-envs-'), 'environments.yaml');
  fs.writeFileSync(file, text);
  return file;
}

describe('the example environments file (examples/environments)', () => {
  let all: Outcome;
  let production: Outcome;
  let staging: Outcome;
  beforeAll(() => {
    all = runSynth(['--environments', EXAMPLE_FILE]);
    production = runSynth([
      '--profile',
      path.join(EXAMPLE, 'profiles', 'production.yaml'),
      '--inventory',
      path.join(EXAMPLE, '..', 'guide-100k'),
    ]);
    staging = runSynth(['--profile', path.join(EXAMPLE, 'profiles', 'staging.yaml')]);
  });

  it('writes one folder per environment, and the Applications, replacing the previous dist/', () => {
    expect(all.status).toBe(0);
    const top = [...new Set(Object.keys(all.distAfter).map((f) => f.split('/')[0]))].sort();
    expect(top).toEqual(['argocd', 'production', 'staging']);
  });

  it('gives each environment exactly what a single synth of its settings writes (its Application aside)', () => {
    expect(production.status).toBe(0);
    expect(staging.status).toBe(0);
    expect(folder(all.distAfter, 'production')).toEqual(withoutApplication(production.distAfter));
    expect(folder(all.distAfter, 'staging')).toEqual(withoutApplication(staging.distAfter));
    // The production environment has the load balancer's files, from its inventory.
    expect(Object.keys(folder(all.distAfter, 'production'))).toContain('haproxy.cfg');
  });

  it("names each Application after its environment and points it at the environment's folder", () => {
    for (const [name, single] of [
      ['production', production],
      ['staging', staging],
    ] as const) {
      const mine = YAML.parse(all.distAfter[`argocd/${name}.k8s.yaml`]);
      const own = YAML.parse(single.distAfter['argocd/application.k8s.yaml']);
      expect(mine.metadata.name).toBe(`dojot-${name}`);
      expect(mine.spec.source.path).toBe(`dist/${name}`);
      expect({
        ...mine,
        metadata: { ...mine.metadata, name: own.metadata.name },
        spec: { ...mine.spec, source: { ...mine.spec.source, path: own.spec.source.path } },
      }).toEqual(own);
    }
    expect(YAML.parse(all.distAfter['argocd/staging.k8s.yaml']).spec.destination.server).toBe('https://staging.k8s.example.com:6443');
  });

  it("prints each environment's summary under its name", () => {
    expect(all.lines).toContain('summary: production: vernemq: vernemq-k8s x3, v2k-bridge x9, k2v-bridge x9');
    expect(all.lines.some((l) => l.startsWith('summary: staging: any node: '))).toBe(true);
    expect(all.lines.at(-1)).toMatch(/^dojot: 2 environments from .*environments\.yaml -> .*\/staging\/, .*\/production\/$/);
  });
});

describe('a bad environments file', () => {
  const refused = (o: Outcome) => {
    expect(o.status).toBe(1);
    expect(o.distAfter).toEqual(o.distBefore);
    expect(o.lines.at(-1)).toMatch(/was left as it was\.$/);
    expect(o.lines.join('\n')).not.toMatch(/^\s+at /m);
  };

  it('names every wrong entry and what is allowed', () => {
    const file = environmentsFile(
      [
        'environments:',
        '  Prod_1: { profile: 100k }',
        '  helm: { profile: 100k }',
        '  qa: { profile: 100k, flavor: mosca }',
        '  dev: { profile: "" }',
        'environment: {}',
        '',
      ].join('\n'),
    );
    const o = runSynth(['--environments', file]);
    refused(o);
    expect(o.lines).toContain(`error: ${file}: 5 problems`);
    expect(o.lines).toContain("  - environment: unknown key 'environment'; did you mean 'environments'?");
    expect(o.lines).toContain(
      '  - environments.Prod_1: an environment name must be a DNS label (lower-case letters, digits and -, at most 63)',
    );
    expect(o.lines).toContain('  - environments.helm: is a folder dist/ already has; name it anything but argocd, monitoring, helm');
    expect(o.lines).toContain("  - environments.qa.flavor: unknown key 'flavor'; did you mean 'flavour'?");
    expect(o.lines).toContain('  - environments.dev.profile: must be a non-empty string, got ""');
  });

  it('names the environment, its file and the field of a bad profile', () => {
    const dir = tempDir('dojot-envs-');
    fs.writeFileSync(path.join(dir, 'qa.yaml'), 'preset: 100k\nvernemq: { replicas: 0 }\n');
    const file = path.join(dir, 'environments.yaml');
    fs.writeFileSync(file, 'environments:\n  qa: { profile: qa.yaml }\n  prod: { profile: 100k, flavour: mqtt }\n');
    const o = runSynth(['--environments', file]);
    refused(o);
    expect(o.lines).toContain(
      `  - environment qa: ${path.join(dir, 'qa.yaml')}: vernemq.replicas: must be a whole number of replicas from 1 to 1000, got 0`,
    );
    expect(o.lines).toContain("  - environment prod: --flavour: must be one of 100k, vernemq, mosca, lwm2m, got 'mqtt'");
  });

  it('refuses two environments that Argo CD would deploy into the same namespace of one cluster', () => {
    const file = environmentsFile(['environments:', '  a: { profile: git.yaml }', '  b: { profile: git.yaml }', ''].join('\n'));
    fs.writeFileSync(path.join(path.dirname(file), 'git.yaml'), 'preset: 100k\nargocd: { repoURL: https://git.example.com/dojot.git }\n');
    const o = runSynth(['--environments', file]);
    refused(o);
    expect(o.lines).toContain(
      `error: ${file}: environments: environments a and b both deploy to namespace dojot of https://kubernetes.default.svc; give one another namespace or argocd.destinationServer`,
    );
  });

  it('refuses two environments in one cluster that would both own its local volumes', () => {
    const file = environmentsFile(['environments:', '  a: { profile: a.yaml }', '  b: { profile: b.yaml }', ''].join('\n'));
    const profile = (namespace: string) =>
      `preset: 100k\nnamespace: ${namespace}\nargocd: { repoURL: https://git.example.com/dojot.git }\n`;
    fs.writeFileSync(path.join(path.dirname(file), 'a.yaml'), profile('dojot-a'));
    fs.writeFileSync(path.join(path.dirname(file), 'b.yaml'), profile('dojot-b'));
    const o = runSynth(['--environments', file]);
    refused(o);
    expect(o.lines).toContain(
      "  - environments: environments a and b both make PersistentVolume/local-pv-postgres in https://kubernetes.default.svc; deploy them to different clusters, or turn localVolumes.enabled off in one (its claims then use the cluster's own StorageClass)",
    );
    expect(o.lines.some((l) => l.includes('StorageClass/local-storage'))).toBe(true);
  });

  it('is a usage error together with --profile (exit 2)', () => {
    const o = runSynth(['--environments', EXAMPLE_FILE, '--profile', '100k']);
    expect(o.status).toBe(2);
    expect(o.lines[0]).toBe(
      'error: --environments excludes --profile, --inventory and --flavour (and DOJOT_PROFILE, DOJOT_INVENTORY, DOJOT_FLAVOUR): each environment names its own',
    );
    expect(o.distAfter).toEqual(o.distBefore);
  });

  it('reads DOJOT_ENVIRONMENTS, as npx cdk8s synth passes it, and refuses it beside DOJOT_PROFILE', () => {
    const file = environmentsFile('environments: {}\n');
    const lines: string[] = [];
    const io = { err: (l: string) => lines.push(...l.split('\n')), out: (l: string) => lines.push(l) };
    const dirs = { DOJOT_DIST: tempDir('dojot-dist-'), CDK8S_OUTDIR: tempDir('dojot-out-') };
    expect(synthCommand([], { ...dirs, DOJOT_ENVIRONMENTS: file }, io)).toBe(1);
    expect(lines[0]).toBe(
      `error: ${file}: environments: must map each environment name to its settings (profile, and optionally inventory and flavour)`,
    );
    lines.length = 0;
    expect(synthCommand([], { ...dirs, DOJOT_ENVIRONMENTS: file, DOJOT_PROFILE: '100k' }, io)).toBe(2);
    expect(lines[0]).toMatch(/^error: --environments excludes --profile/);
  });
});
