import { describe, expect, it } from 'vitest';
import { immutableChanges } from '../../app/diff/immutable-fields';

describe('the changes kubectl apply cannot make in place', () => {
  it("include a StorageClass's provisioner, parameters, reclaim policy and binding mode, and nothing else of it", () => {
    const sc = { kind: 'StorageClass', name: 'local-storage' };
    expect(immutableChanges(sc, ['volumeBindingMode', 'reclaimPolicy'])).toEqual([
      {
        field: 'reclaimPolicy',
        how: 'kubectl delete storageclass local-storage, then apply: volumes already bound keep theirs; the class is read only when a volume binds',
      },
      {
        field: 'volumeBindingMode',
        how: 'kubectl delete storageclass local-storage, then apply: volumes already bound keep theirs; the class is read only when a volume binds',
      },
    ]);
    expect(immutableChanges(sc, ['parameters.type']).map((c) => c.field)).toEqual(['parameters']);
    expect(immutableChanges(sc, ['allowVolumeExpansion', 'metadata.labels.a'])).toEqual([]);
  });

  it("include a StatefulSet's serviceName, and not its replicas", () => {
    const sts = { kind: 'StatefulSet', name: 'zookeeper', namespace: 'dojot' };
    expect(immutableChanges(sts, ['spec.serviceName']).map((c) => c.field)).toEqual(['spec.serviceName']);
    expect(immutableChanges(sts, ['spec.replicas'])).toEqual([]);
  });
});
