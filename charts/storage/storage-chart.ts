import { Chart } from 'cdk8s';
import { k8s } from 'cdk8s-plus-27';
import type { Construct } from 'constructs';
import { nodeGroupSelector } from '../../lib/placement';
import type { Profile } from '../../profile/types';
import { enabledLocalVolumes, hostPath } from './local-volumes';

/** The group's selector narrowed to one of its machines (both must hold). */
function onNode(group: k8s.NodeSelector, host: string): k8s.NodeSelector {
  return {
    nodeSelectorTerms: group.nodeSelectorTerms.map((t) => ({
      ...t,
      matchExpressions: [...(t.matchExpressions ?? []), { key: 'kubernetes.io/hostname', operator: 'In', values: [host] }],
    })),
  };
}

/**
 * Cluster-scoped storage: the `local-storage` StorageClass (no provisioner; binding waits for
 * the pod, so the scheduler honours the volume's node) and one local PersistentVolume per
 * enabled persistence toggle, on the node group of the workload that claims it.
 */
export class StorageChart extends Chart {
  constructor(scope: Construct, id: string, profile: Profile) {
    super(scope, id, { disableResourceNameHashes: true });
    const volumes = enabledLocalVolumes(profile);
    if (!volumes.length || profile.storageClassName === undefined) return;

    new k8s.KubeStorageClass(this, 'StorageClass', {
      metadata: { name: profile.storageClassName },
      provisioner: 'kubernetes.io/no-provisioner',
      volumeBindingMode: 'WaitForFirstConsumer',
    });
    for (const v of volumes) {
      new k8s.KubePersistentVolume(this, v.pvName, {
        metadata: { name: v.pvName, labels: { type: 'local', ...v.selector } },
        spec: {
          capacity: { storage: k8s.Quantity.fromString(v.persistence(profile).size) },
          accessModes: [v.accessMode],
          persistentVolumeReclaimPolicy: 'Retain',
          claimRef: v.claimName ? { namespace: profile.namespace, name: v.claimName } : undefined,
          storageClassName: profile.storageClassName,
          local: { path: hostPath(profile, v) },
          nodeAffinity: {
            required: v.host
              ? onNode(nodeGroupSelector(profile.placement, v.group), v.host)
              : nodeGroupSelector(profile.placement, v.group),
          },
        },
      });
    }
  }
}
