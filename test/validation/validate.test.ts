import { describe, expect, it } from 'vitest';
import { readFieldTree } from '../../validation/field-tree';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { KUBERNETES_VERSIONS, validateFolder, validateObject } from '../../validation/validate-manifests';
import { runSynth } from '../helpers/run-synth';
import { tempDir } from '../helpers/temp';
import { PRESET_NAMES, lbProfile, profileOf, synth } from '../helpers/synth';

const deployment = (container: Record<string, unknown>, spec: Record<string, unknown> = {}) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'x', namespace: 'dojot' },
  spec: {
    selector: { matchLabels: { a: 'b' } },
    template: { metadata: { labels: { a: 'b' } }, spec: { containers: [{ name: 'c', image: 'i:1', ...container }] } },
    ...spec,
  },
});
const messages = (o: unknown) => validateObject(o as never, 'test.yaml').map((p) => `[${p.version}] ${p.message}`);

describe('npm run validate (strict, offline, for Kubernetes 1.27 and 1.33)', () => {
  it('reads the fields and kinds of both versions', () => {
    for (const v of KUBERNETES_VERSIONS) {
      const tree = readFieldTree(require.resolve(v.fields));
      expect(tree.kinds.size, v.version).toBeGreaterThan(50);
      expect(tree.types.get('Container')?.has('imagePullPolicy'), v.version).toBe(true);
    }
  });

  it('accepts a valid Deployment', () => {
    expect(messages(deployment({ imagePullPolicy: 'IfNotPresent' }))).toEqual([]);
  });

  it('rejects an unknown field, naming its path', () => {
    expect(messages(deployment({ imagePullPolizy: 'IfNotPresent' }))).toEqual([
      '[1.27] unknown field spec.template.spec.containers[0].imagePullPolizy',
      '[1.33] unknown field spec.template.spec.containers[0].imagePullPolizy',
    ]);
  });

  it('rejects a wrong type, a value outside an enum, and a missing required field', () => {
    const m = messages({
      ...deployment({ imagePullPolicy: 'Sometimes' }, { replicas: '3' }),
      spec: { ...deployment({ imagePullPolicy: 'Sometimes' }, { replicas: '3' }).spec, selector: undefined },
    });
    expect(m).toContain('[1.33] spec must have required property selector');
    expect(m).toContain('[1.33] spec.replicas must be integer');
    expect(m).toContain(
      '[1.33] spec.template.spec.containers.0.imagePullPolicy must be equal to one of the allowed values (Always, IfNotPresent, Never)',
    );
  });

  it('rejects an API that a claimed version no longer serves (policy/v1beta1, removed in 1.25)', () => {
    expect(messages({ apiVersion: 'policy/v1beta1', kind: 'PodDisruptionBudget', metadata: { name: 'p' }, spec: {} })).toEqual([
      '[1.27] policy/v1beta1 PodDisruptionBudget is not served by Kubernetes 1.27',
      '[1.33] policy/v1beta1 PodDisruptionBudget is not served by Kubernetes 1.33',
    ]);
  });

  it("knows fields a later version added (a sidecar's restartPolicy: 1.28)", () => {
    expect(messages(deployment({ restartPolicy: 'Always' }))).toEqual([
      '[1.27] unknown field spec.template.spec.containers[0].restartPolicy',
    ]);
  });

  it('fails a synthesized folder once a Deployment in it has an unknown field, naming it', () => {
    const o = runSynth(['--profile', '100k']);
    const dir = tempDir('dojot-validate-');
    for (const [f, text] of Object.entries(o.distAfter)) {
      fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
      fs.writeFileSync(path.join(dir, f), text);
    }
    expect(validateFolder(dir).problems).toEqual([]);
    const file = path.join(dir, '0013-kafka-ws.k8s.yaml');
    fs.writeFileSync(
      file,
      fs
        .readFileSync(file, 'utf8')
        .replace('imagePullPolicy', 'imagePullPolizy')
        .replace('          name: kafka-ws\n', '          name: kafka-ws\n          imagePullPolizy: Always\n'),
    );
    const { problems } = validateFolder(dir);
    expect(problems.map((p) => `${p.object} [${p.version}]: ${p.message}`)).toEqual([
      'Deployment/dojot/kafka-ws (0013-kafka-ws.k8s.yaml) [1.27]: unknown field spec.template.spec.containers[0].imagePullPolizy',
      'Deployment/dojot/kafka-ws (0013-kafka-ws.k8s.yaml) [1.33]: unknown field spec.template.spec.containers[0].imagePullPolizy',
    ]);
  });

  it.each([...PRESET_NAMES, 'guide'])('passes every object of the %s output', (name) => {
    const out = synth(name === 'guide' ? lbProfile('100k') : profileOf(name));
    expect(out.objects.length).toBeGreaterThan(30);
    expect(out.objects.flatMap(({ file, ...o }) => validateObject(o, file).map((p) => `${p.object}: ${p.message}`))).toEqual([]);
  });
});
