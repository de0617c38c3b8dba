import { createHash } from 'node:crypto';

/** A Kubernetes object as plain data. */
// biome-ignore lint/suspicious/noExplicitAny: plain data, read by its shape
type KubeObject = { kind: string; metadata: { name: string; namespace?: string } } & Record<string, any>;

/** JSON with its keys sorted: the same data gives the same text, whatever order it was written in. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

/** A claim's spec with the API server's default volume mode, as the live object has it. */
const claimSpec = (spec: Record<string, unknown> = {}) => ({ ...spec, volumeMode: spec.volumeMode ?? 'Filesystem' });

/**
 * The part of an object that Kubernetes does not change in place (what `immutableChanges`
 * reads), with the API server's defaults filled in, so that an object written with a default and
 * one written without it compare equal, as they do in a cluster: a workload's selector; a
 * StatefulSet's serviceName, claim templates and pod management policy; a Job's template (as a
 * digest: only whether it changed matters); a claim's or a volume's spec; whether a Service is
 * headless. Undefined for kinds with no such field.
 */
export function immutableFacts(o: KubeObject): KubeObject | undefined {
  const head = { kind: o.kind, metadata: { name: o.metadata.name, ...(o.metadata.namespace ? { namespace: o.metadata.namespace } : {}) } };
  const spec = o.spec ?? {};
  switch (o.kind) {
    case 'StatefulSet':
      return {
        ...head,
        spec: {
          selector: spec.selector,
          serviceName: spec.serviceName ?? '',
          podManagementPolicy: spec.podManagementPolicy ?? 'OrderedReady',
          volumeClaimTemplates: (spec.volumeClaimTemplates ?? []).map((t: KubeObject) => ({
            metadata: { name: t.metadata.name },
            spec: claimSpec(t.spec),
          })),
        },
      };
    case 'Deployment':
    case 'DaemonSet':
      return { ...head, spec: { selector: spec.selector } };
    case 'Job':
      return { ...head, spec: { template: { sha256: createHash('sha256').update(canonical(spec.template)).digest('hex') } } };
    case 'PersistentVolumeClaim':
      return { ...head, spec: claimSpec(spec) };
    case 'PersistentVolume':
      return { ...head, spec };
    case 'Service':
      // The address itself is the cluster's; what a manifest decides is whether there is one.
      return { ...head, spec: { clusterIP: spec.clusterIP === 'None' ? 'None' : 'assigned' } };
    default:
      return undefined;
  }
}
