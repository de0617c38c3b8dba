import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as YAML from 'yaml';
import { secretsCommand } from '../../app/secrets-command';
import { classifySteps, readmeDeploySteps } from '../../rehearsal/deploy-steps';
import { runSynth } from '../helpers/run-synth';

const deploySteps = () => readmeDeploySteps();

/** The arguments after `--` of an `npm run` line. */
const argsOf = (step: string) => step.split(' -- ')[1].split('|')[0].trim().split(/\s+/);

describe("the README's deploy steps", () => {
  const steps = deploySteps();
  const index = (re: RegExp) => steps.findIndex((s) => re.test(s));

  it('come in an order that works on an empty cluster', () => {
    const synth = index(/^npm run synth /);
    const namespace = index(/^kubectl apply -f dist\/0000-namespace\.k8s\.yaml$/);
    const secrets = index(/^npm run -s secrets .*\| kubectl apply -f -$/);
    const all = index(/^kubectl apply -f dist$/);
    expect(
      [synth, namespace, secrets, all].every((i) => i >= 0),
      steps.join('\n'),
    ).toBe(true);
    // Synthesize, create the namespace, put the Secrets into it, then everything else.
    expect(synth).toBeLessThan(namespace);
    expect(namespace).toBeLessThan(secrets);
    expect(secrets).toBeLessThan(all);
    expect(index(/prepare-local-volumes\.sh/)).toBeLessThan(all);
  });

  it('are each one the rehearsal knows how to run (npm run rehearse)', () => {
    expect(classifySteps(steps).map((s) => s.kind)).toEqual(['synth', 'apply', 'secrets', 'host-directories', 'apply']);
    expect(() => classifySteps([...steps, 'helm upgrade dojot ./chart'])).toThrow(
      /'helm upgrade dojot \.\/chart' is not one the rehearsal knows/,
    );
  });

  it('run without a cluster as far as they can: synth, the namespace file, the Secrets, the volume script', () => {
    const synth = runSynth(argsOf(steps[index(/^npm run synth /)]));
    expect(synth.status, synth.lines.join('\n')).toBe(0);
    const namespace = YAML.parse(synth.distAfter['0000-namespace.k8s.yaml']);
    expect(namespace).toMatchObject({ kind: 'Namespace', metadata: { name: 'dojot' } });

    const out: string[] = [];
    const errors: string[] = [];
    expect(secretsCommand(argsOf(steps[index(/^npm run -s secrets /)]), {}, { out: (l) => out.push(l), err: (l) => errors.push(l) })).toBe(
      0,
    );
    const secrets = YAML.parseAllDocuments(out.join('\n')).map((d) => d.toJS());
    expect(secrets.length).toBeGreaterThan(4);
    for (const s of secrets) expect(s).toMatchObject({ kind: 'Secret', metadata: { namespace: 'dojot' } });

    const script = synth.distAfter['prepare-local-volumes.sh'];
    const file = path.join(fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'dojot-volumes-')), 'prepare-local-volumes.sh');
    fs.writeFileSync(file, script);
    expect(spawnSync('sh', ['-n', file]).status).toBe(0);
    const usage = spawnSync('sh', [file], { encoding: 'utf8' });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/usage: .* dojot\|kafka\|x509/);
  });
});
