import { describe, expect, it } from 'vitest';
import { lbProfile, synth } from '../helpers/synth';

const out = synth(lbProfile('100k', { flavour: 'vernemq' }));
const wave = (kind: string, name: string) => out.find(kind, name).metadata.annotations?.['argocd.argoproj.io/sync-wave'];

describe('Argo CD annotations', () => {
  it('put every object in a sync wave', () => {
    for (const o of out.objects)
      expect(o.metadata.annotations?.['argocd.argoproj.io/sync-wave'], `${o.kind}/${o.metadata.name}`).toMatch(/^[0-4]$/);
  });

  it('order the waves by what each needs: foundation, data stores, Kafka, services, routes', () => {
    expect(wave('Namespace', 'dojot')).toBe('0');
    expect(wave('StorageClass', 'local-storage')).toBe('0');
    expect(wave('PersistentVolume', 'local-pv-postgres')).toBe('0');
    expect(wave('NetworkPolicy', 'default-deny-ingress')).toBe('0');
    expect(wave('StatefulSet', 'postgres')).toBe('1');
    expect(wave('StatefulSet', 'zookeeper')).toBe('1');
    expect(wave('StatefulSet', 'kafka-server')).toBe('2');
    expect(wave('Job', 'kong-migrate')).toBe('2');
    expect(wave('Deployment', 'kong')).toBe('3');
    expect(wave('StatefulSet', 'vernemq-k8s')).toBe('3');
    expect(wave('Job', 'kong-route-config')).toBe('4');
  });

  it('never prune or delete what holds data, and run the Jobs as hooks re-created on each sync', () => {
    for (const kind of ['Namespace', 'PersistentVolume', 'PersistentVolumeClaim']) {
      const objects = out.ofKind(kind);
      expect(objects.length, kind).toBeGreaterThan(0);
      for (const o of objects)
        expect(o.metadata.annotations?.['argocd.argoproj.io/sync-options'], o.metadata.name).toBe('Prune=false,Delete=false');
    }
    for (const j of out.ofKind('Job')) {
      expect(j.metadata.annotations, j.metadata.name).toMatchObject({
        'argocd.argoproj.io/hook': 'Sync',
        'argocd.argoproj.io/hook-delete-policy': 'BeforeHookCreation',
      });
    }
    expect(out.find('Deployment', 'kong').metadata.annotations?.['argocd.argoproj.io/hook']).toBeUndefined();
  });

  it("let the monitoring objects sync before the prometheus-operator's CRDs exist", () => {
    expect(out.find('ServiceMonitor', 'vernemq').metadata.annotations).toMatchObject({
      'argocd.argoproj.io/sync-options': 'SkipDryRunOnMissingResource=true',
    });
  });
});

describe('the Argo CD Application', () => {
  const withRepo = synth(
    lbProfile('100k', { argocd: { repoURL: 'https://git.example.com/platform/dojot-gitops.git', targetRevision: 'main', path: 'dist' } }),
  );

  it('syncs dist/ (not its subfolders) from the repository into the dojot namespace, in dist/argocd', () => {
    const app = withRepo.find('Application', 'dojot');
    expect(app.file).toBe('argocd/application.k8s.yaml');
    expect(app.metadata.namespace).toBe('argocd');
    expect(app.spec).toEqual({
      project: 'default',
      source: {
        repoURL: 'https://git.example.com/platform/dojot-gitops.git',
        targetRevision: 'main',
        path: 'dist',
        directory: { recurse: false },
      },
      destination: { server: 'https://kubernetes.default.svc', namespace: 'dojot' },
      syncPolicy: { automated: { prune: true, selfHeal: true }, syncOptions: ['ApplyOutOfSyncOnly=true'] },
    });
  });

  it('is not written without a repository', () => {
    expect(out.maybe('Application', 'dojot')).toBeUndefined();
    expect(Object.keys(out.files).some((f) => f.startsWith('argocd/'))).toBe(false);
  });
});
