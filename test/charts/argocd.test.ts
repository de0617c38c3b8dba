// argocd (charts/argocd): the Argo CD Application, written to dist/argocd only when argocd.repoURL is set.
import { App } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { ApplicationChart, applicationOf } from '../../charts/argocd/application-chart';
import { lbProfile, profileOf, synth } from '../helpers/synth';

const REPO = 'https://git.example.com/platform/dojot-gitops.git';

describe('the Application (100k preset with a repository)', () => {
  // The profile of test/charts/argocd-annotations.test.ts.
  const out = synth(lbProfile('100k', { argocd: { repoURL: REPO, targetRevision: 'main', path: 'dist' } }));

  it("is argoproj.io/v1alpha1 Application dojot in Argo CD's namespace, labelled as dojot's, with no finalizer (its metadata is exactly this)", () => {
    const app = out.find('Application', 'dojot');
    expect(app.apiVersion).toBe('argoproj.io/v1alpha1');
    expect(app.metadata).toEqual({
      name: 'dojot',
      namespace: 'argocd',
      labels: { 'app.kubernetes.io/part-of': 'dojot', 'app.kubernetes.io/managed-by': 'dojot-cdk8s' },
    });
  });

  it('is alone in dist/argocd/application.k8s.yaml, out of the folder it syncs', () => {
    const files = Object.keys(out.files).filter((f) => f.startsWith('argocd/'));
    expect(files).toEqual(['argocd/application.k8s.yaml']);
    expect(out.objects.filter((o) => o.file === 'argocd/application.k8s.yaml').map((o) => o.kind)).toEqual(['Application']);
    const app = out.find('Application', 'dojot');
    expect(app.spec.source).toMatchObject({ repoURL: REPO, targetRevision: 'main', path: 'dist', directory: { recurse: false } });
  });

  it('applies only what is out of sync, and prunes and heals automatically (argocd.automated)', () => {
    expect(out.find('Application', 'dojot').spec.syncPolicy).toEqual({
      automated: { prune: true, selfHeal: true },
      syncOptions: ['ApplyOutOfSyncOnly=true'],
    });
  });
});

describe('no Application without a repository', () => {
  it.each(['default', '100k'])('the %s preset writes none', (preset) => {
    const out = synth(profileOf(preset));
    expect(out.ofKind('Application')).toEqual([]);
    expect(Object.keys(out.files).filter((f) => f.startsWith('argocd/'))).toEqual([]);
    // The output is there.
    expect(out.find('Namespace', 'dojot').file).toBe('0000-namespace.k8s.yaml');
  });
});

describe('ApplicationChart', () => {
  const profile = profileOf('default', {
    argocd: {
      repoURL: REPO,
      path: 'deploy/',
      name: 'iot',
      namespace: 'gitops',
      project: 'platform',
      destinationServer: 'https://k8s.example.com',
      automated: false,
    },
  });

  it("writes the profile's name, namespace, project, cluster and path; no automated sync when argocd.automated is off", () => {
    const [app] = new ApplicationChart(new App(), 'argocd', profile).toJson();
    expect(app.metadata).toMatchObject({ name: 'iot', namespace: 'gitops' });
    expect(app.spec).toEqual({
      project: 'platform',
      source: { repoURL: REPO, targetRevision: 'HEAD', path: 'deploy/', directory: { recurse: false } },
      destination: { server: 'https://k8s.example.com', namespace: 'dojot' },
      syncPolicy: { syncOptions: ['ApplyOutOfSyncOnly=true'] },
    });
  });

  it("names an environment's Application <name>-<environment> and syncs <path>/<environment>", () => {
    const [app] = new ApplicationChart(new App(), 'argocd', profile, { environment: 'staging' }).toJson();
    expect(app.metadata.name).toBe('iot-staging');
    expect(app.spec.source.path).toBe('deploy/staging');
    expect(applicationOf(profile, 'staging')).toMatchObject({ name: 'iot-staging', path: 'deploy/staging', namespace: 'gitops' });
    expect(applicationOf(profile)).toBe(profile.argocd);
  });
});
