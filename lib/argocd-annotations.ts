import { ApiObject, type Chart } from 'cdk8s';

const SYNC_WAVE = 'argocd.argoproj.io/sync-wave';
const SYNC_OPTIONS = 'argocd.argoproj.io/sync-options';

/** What Argo CD must never prune or delete: a profile toggle turned off must not take the data with it. */
const KEPT = ['Namespace', 'PersistentVolume', 'PersistentVolumeClaim'];
/** API groups whose CRDs another chart installs. */
const OTHERS_CRDS = ['monitoring.coreos.com'];

/**
 * Argo CD's annotations on every object of a chart (harmless for `kubectl apply`): its sync wave,
 * `Prune=false,Delete=false` on what holds data, and Jobs as Sync hooks re-created on every sync
 * (`BeforeHookCreation`): a Job's template is immutable, so an applied Job with a new image or
 * script could never be updated in place. Hooks keep the Jobs' names, which the network policies
 * and the resource table use; with `kubectl apply`, delete a changed Job before applying.
 */
export function applyArgoCdAnnotations(chart: Chart, wave: number, jobWaves: Readonly<Record<string, number>> = {}): void {
  for (const o of chart.node.findAll().filter((c): c is ApiObject => c instanceof ApiObject)) {
    if (o.kind === 'Job') {
      const jobWave = jobWaves[o.name];
      if (jobWave === undefined) throw new Error(`Job ${o.name} has no sync wave: add it to charts/sync-waves.ts`);
      o.metadata.addAnnotation(SYNC_WAVE, String(jobWave));
      o.metadata.addAnnotation('argocd.argoproj.io/hook', 'Sync');
      o.metadata.addAnnotation('argocd.argoproj.io/hook-delete-policy', 'BeforeHookCreation');
      continue;
    }
    o.metadata.addAnnotation(SYNC_WAVE, String(wave));
    if (KEPT.includes(o.kind)) o.metadata.addAnnotation(SYNC_OPTIONS, 'Prune=false,Delete=false');
    // The prometheus-operator's CRDs come with the monitoring stack: a dry run before they exist would fail the sync.
    if (OTHERS_CRDS.some((g) => o.apiVersion.startsWith(`${g}/`)))
      o.metadata.addAnnotation(SYNC_OPTIONS, 'SkipDryRunOnMissingResource=true');
  }
}
