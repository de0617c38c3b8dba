/** A change `kubectl apply` (or an Argo CD sync) cannot make in place, and how to make it safely. */
export interface ImmutableChange {
  readonly field: string;
  readonly how: string;
}

interface ObjectRef {
  readonly kind: string;
  readonly name: string;
  readonly namespace?: string;
}

const ns = (o: ObjectRef) => (o.namespace ? ` -n ${o.namespace}` : '');

/**
 * The fields Kubernetes refuses to change on an existing object (a workload's selector, a
 * StatefulSet's serviceName, claim templates and pod management policy, a Job's template, a
 * claim's spec beyond its size, a Service's clusterIP, a StorageClass's provisioner, parameters,
 * reclaim policy and binding mode), each with the safe way through.
 */
export function immutableChanges(o: ObjectRef, changedPaths: readonly string[]): ImmutableChange[] {
  const under = (prefix: string) => changedPaths.some((p) => p === prefix || p.startsWith(`${prefix}.`) || p.startsWith(`${prefix}[`));
  const out: ImmutableChange[] = [];
  const recreate = `kubectl${ns(o)} delete ${o.kind.toLowerCase()} ${o.name}, then apply`;
  switch (o.kind) {
    case 'StatefulSet': {
      const orphan = `kubectl${ns(o)} delete statefulset ${o.name} --cascade=orphan, then apply: its pods keep running and its claims and data stay, and the new StatefulSet adopts them`;
      for (const f of ['spec.selector', 'spec.serviceName', 'spec.volumeClaimTemplates', 'spec.podManagementPolicy'])
        if (under(f)) out.push({ field: f, how: orphan });
      break;
    }
    case 'Deployment':
    case 'DaemonSet':
      if (under('spec.selector')) out.push({ field: 'spec.selector', how: `${recreate} (its pods are replaced)` });
      break;
    case 'Job':
      if (under('spec.template') || under('spec.selector'))
        out.push({ field: 'spec.template', how: `${recreate} (Argo CD re-creates it as a hook by itself)` });
      break;
    case 'PersistentVolumeClaim':
      if (changedPaths.some((p) => p.startsWith('spec.') && p !== 'spec.resources.requests.storage')) {
        out.push({ field: 'spec', how: 'a claim changes only its size: copy the data to a new claim, or keep this one' });
      }
      break;
    case 'Service':
      if (under('spec.clusterIP')) out.push({ field: 'spec.clusterIP', how: `${recreate} (its clients reconnect)` });
      break;
    case 'StorageClass':
      // pkg/apis/storage/validation (ValidateStorageClassUpdate): these four never change.
      for (const f of ['provisioner', 'parameters', 'reclaimPolicy', 'volumeBindingMode']) {
        if (under(f))
          out.push({ field: f, how: `${recreate}: volumes already bound keep theirs; the class is read only when a volume binds` });
      }
      break;
    case 'PersistentVolume':
      if (changedPaths.some((p) => p.startsWith('spec.') && p !== 'spec.capacity.storage'))
        out.push({ field: 'spec', how: 'a bound volume does not change: release it, then re-create it (its directory on the node stays)' });
      break;
    default:
      break;
  }
  return out;
}
