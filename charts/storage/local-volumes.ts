import { k8s } from 'cdk8s-plus-27';
import type { NodeGroup, Persistence, Profile } from '../../profile/types';

/**
 * The guide's local PersistentVolumes (`local_storage_example/volumes`), one per persistence
 * toggle of a deployed service. Each claim selects its volume by `selector`, so that volume
 * and claim are defined from the same entry and always bind to each other.
 */
export interface LocalVolume {
  readonly pvName: string;
  readonly group: NodeGroup;
  /** Directory under `localVolumes.hostRoot` on the node. */
  readonly directory: string;
  readonly accessMode: 'ReadWriteOnce' | 'ReadOnlyMany' | 'ReadWriteMany';
  /** Labels of the volume, which its claim selects (the original's). */
  readonly selector: Readonly<Record<string, string>>;
  /** The toggle and size the volume follows. */
  readonly persistence: (p: Profile) => Persistence;
}

export const LOCAL_VOLUMES = {
  kong: {
    pvName: 'local-pv-kong',
    group: 'dojot',
    directory: 'kong',
    accessMode: 'ReadOnlyMany',
    selector: { app: 'dojot', name: 'kong' },
    persistence: (p) => p.apigw.persistence,
  },
  kafkaWs: {
    pvName: 'local-pv-kafka-ws',
    group: 'dojot',
    directory: 'kafka_ws',
    accessMode: 'ReadOnlyMany',
    selector: { app: 'dojot', name: 'kafka-ws' },
    persistence: (p) => p.kafkaWs.persistence,
  },
  mongodb: {
    pvName: 'local-pv-mongo',
    group: 'dojot',
    directory: 'mongodb',
    accessMode: 'ReadWriteOnce',
    selector: { app: 'dojot', db: 'mongodb' },
    persistence: (p) => p.mongodb.persistence,
  },
  postgres: {
    pvName: 'local-pv-postgres',
    group: 'dojot',
    directory: 'postgres',
    accessMode: 'ReadWriteOnce',
    selector: { app: 'dojot', db: 'postgres' },
    persistence: (p) => p.postgres.persistence,
  },
  kafka: {
    pvName: 'local-pv-kafka',
    group: 'kafka',
    directory: 'kafka',
    accessMode: 'ReadWriteOnce',
    selector: { app: 'dojot', name: 'kafka-server' },
    persistence: (p) => p.kafka.persistence,
  },
  zookeeperData: {
    pvName: 'local-pv-zk-data',
    group: 'kafka',
    directory: 'zookeeper/data',
    accessMode: 'ReadWriteOnce',
    selector: { app: 'dojot', name: 'zookeeper-data' },
    persistence: (p) => p.zookeeper.persistence,
  },
  zookeeperLog: {
    pvName: 'local-pv-zk-log',
    group: 'kafka',
    directory: 'zookeeper/log',
    accessMode: 'ReadWriteOnce',
    selector: { app: 'dojot', name: 'zookeeper-log' },
    persistence: (p) => p.zookeeper.persistence,
  },
  x509IdentityMgmt: {
    pvName: 'local-pv-x509-identity-mgmt',
    group: 'x509',
    directory: 'ejbca',
    accessMode: 'ReadWriteMany',
    selector: { app: 'dojot', name: 'x509-identity-mgmt' },
    persistence: (p) => p.x509IdentityMgmt.persistence,
  },
} as const satisfies Record<string, LocalVolume>;

/** The local volumes the profile turns on. */
export function enabledLocalVolumes(p: Profile): LocalVolume[] {
  if (!p.localVolumes.enabled) return [];
  return Object.values(LOCAL_VOLUMES).filter((v) => v.persistence(p).enabled);
}

/** The host directory of a volume. */
export const hostPath = (p: Profile, v: LocalVolume) => `${p.localVolumes.hostRoot}/${v.directory}`;

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
