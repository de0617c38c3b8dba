import { k8s } from 'cdk8s-plus-27';
import type { LocalVolume } from '../../lib/contract';
import type { Persistence, Profile } from '../../profile/types';

/** The storage settings every claim needs: the profile's slice for charts that claim volumes. */
export type StorageSettings = Pick<Profile, 'storageClassName' | 'localVolumes'>;

/**
 * The claim for a volume of `persistence.size`: as a volumeClaimTemplate or a PVC spec. It
 * selects its local volume by label; with a provisioner (local volumes off) it must not, or
 * nothing would be provisioned for it.
 */
export function claimSpec(storage: StorageSettings, v: LocalVolume, persistence: Persistence): k8s.PersistentVolumeClaimSpec {
  return {
    accessModes: [v.accessMode],
    storageClassName: storage.storageClassName,
    resources: { requests: { storage: k8s.Quantity.fromString(persistence.size) } },
    selector: storage.localVolumes.enabled ? { matchLabels: { ...v.selector } } : undefined,
  };
}
