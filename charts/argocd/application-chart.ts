import { ApiObject, Chart } from 'cdk8s';
import type { Construct } from 'constructs';
import type { Profile } from '../../profile/types';

/**
 * The Argo CD Application that syncs this output from Git: `dist/*.yaml` only (not its subfolders:
 * the monitoring objects wait for the Prometheus stack, the load balancer's files are not
 * Kubernetes'), into the profile's namespace, which the output itself creates.
 */
export interface ApplicationOptions {
  /** The environment this Application deploys, in an environments synth: it is named `<argocd.name>-<environment>` and syncs `<argocd.path>/<environment>`. */
  readonly environment?: string;
}

export class ApplicationChart extends Chart {
  constructor(scope: Construct, id: string, p: Profile, options: ApplicationOptions = {}) {
    super(scope, id, { disableResourceNameHashes: true });
    const a = applicationOf(p, options.environment);
    new ApiObject(this, 'Application', {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      metadata: {
        name: a.name,
        namespace: a.namespace,
        // Deleting the Application leaves dojot running (no resources-finalizer).
        labels: { 'app.kubernetes.io/part-of': 'dojot', 'app.kubernetes.io/managed-by': 'dojot-cdk8s' },
      },
      spec: {
        project: a.project,
        source: { repoURL: a.repoURL, targetRevision: a.targetRevision, path: a.path, directory: { recurse: false } },
        destination: { server: a.destinationServer, namespace: p.namespace },
        syncPolicy: {
          ...(a.automated ? { automated: { prune: true, selfHeal: true } } : {}),
          // Objects are applied in their waves; what holds data is never pruned (their own annotations).
          syncOptions: ['ApplyOutOfSyncOnly=true'],
        },
      },
    });
  }
}

/** The profile's Application settings, with an environment's own name and folder. */
export function applicationOf(p: Profile, environment?: string): Profile['argocd'] {
  const a = p.argocd;
  if (environment === undefined) return a;
  return { ...a, name: `${a.name}-${environment}`, path: `${a.path.replace(/\/+$/, '')}/${environment}` };
}
