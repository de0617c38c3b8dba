// namespace (charts/namespace): the dojot Namespace with its Pod Security labels, first in the output, and none for `default`.
import { App } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { NamespaceChart } from '../../charts/namespace/namespace-chart';
import { originalLabels, profileOf, synth } from '../helpers/synth';

const POD_SECURITY = {
  'pod-security.kubernetes.io/enforce': 'baseline',
  'pod-security.kubernetes.io/warn': 'restricted',
  'pod-security.kubernetes.io/audit': 'restricted',
};

describe('the namespace (default profile)', () => {
  const out = synth(profileOf('default'));

  it('creates Namespace dojot, enforcing baseline and warning of restricted, in the first file alone', () => {
    const ns = out.find('Namespace', 'dojot');
    expect(ns.apiVersion).toBe('v1');
    expect(ns.metadata.namespace).toBeUndefined();
    expect(originalLabels(ns.metadata.labels)).toEqual(POD_SECURITY);
    expect(ns.metadata.labels).toMatchObject({ 'app.kubernetes.io/name': 'namespace', 'app.kubernetes.io/component': 'namespace' });
    expect(ns.file).toBe('0000-namespace.k8s.yaml');
    expect(Object.keys(out.files).sort()[0]).toBe('0000-namespace.k8s.yaml');
    expect(out.objects.filter((o) => o.file === ns.file)).toEqual([ns]);
  });

  it('is the namespace of every namespaced object', () => {
    const workloads = out.objects.filter((o) => o.spec?.template);
    expect(workloads.length).toBeGreaterThan(20);
    for (const w of workloads) expect(w.metadata.namespace, w.metadata.name).toBe('dojot');
  });
});

describe('the namespace with the 100k preset', () => {
  it('is the same Namespace, never pruned by Argo CD, in the first wave', () => {
    const ns = synth(profileOf('100k')).find('Namespace', 'dojot');
    expect(originalLabels(ns.metadata.labels)).toEqual(POD_SECURITY);
    expect(ns.metadata.annotations).toEqual({
      'argocd.argoproj.io/sync-wave': '0',
      'argocd.argoproj.io/sync-options': 'Prune=false,Delete=false',
    });
  });
});

describe('the default namespace', () => {
  it('is not created, nor deleted with dist/: no Namespace and no namespace file', () => {
    const out = synth(profileOf('100k', { namespace: 'default' }));
    expect(out.ofKind('Namespace')).toEqual([]);
    expect(Object.keys(out.files).filter((f) => f.includes('namespace.k8s.yaml'))).toEqual([]);
    expect(out.find('StatefulSet', 'kafka-server').metadata.namespace).toBe('default');
  });
});

describe('NamespaceChart', () => {
  it('names the Namespace after the profile, and writes none for default', () => {
    const app = new App();
    expect(new NamespaceChart(app, 'iot', 'iot-platform').toJson()).toEqual([
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'iot-platform', labels: POD_SECURITY } },
    ]);
    expect(new NamespaceChart(app, 'default', 'default').toJson()).toEqual([]);
  });
});
