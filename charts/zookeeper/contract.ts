import type { ComponentContract, LocalVolume } from '../../lib/contract';
import { dojotLabels } from '../../lib/labels';
import type { Profile } from '../../profile/types';

/** Pod labels and selector of the zookeeper pods (the original's). */
export const ZOOKEEPER_LABELS = dojotLabels('zookeeper');

/** The ensemble's StatefulSet. */
export const ZOOKEEPER_STATEFUL_SET = 'zookeeper';

export const ZOOKEEPER_VOLUMES = {
  data: {
    pvName: 'local-pv-zk-data',
    group: 'kafka',
    directory: 'zookeeper/data',
    accessMode: 'ReadWriteOnce',
    selector: { app: 'dojot', name: 'zookeeper-data' },
    persistence: (p) => p.zookeeper.persistence,
    replicas: (p) => p.zookeeper.clusterSize,
    claimTemplate: { name: 'zk-volume-data', statefulSet: ZOOKEEPER_STATEFUL_SET },
  },
  log: {
    pvName: 'local-pv-zk-log',
    group: 'kafka',
    directory: 'zookeeper/log',
    accessMode: 'ReadWriteOnce',
    selector: { app: 'dojot', name: 'zookeeper-log' },
    persistence: (p) => p.zookeeper.persistence,
    replicas: (p) => p.zookeeper.clusterSize,
    claimTemplate: { name: 'zk-volume-log', statefulSet: ZOOKEEPER_STATEFUL_SET },
  },
} as const satisfies Record<string, LocalVolume>;

/** Zookeeper: the ensemble's headless Service and the clients' Service. */
export function zookeeperContract(p: Profile) {
  const zk = p.zookeeper;
  const client = { name: 'client', port: zk.clientPort, targetPort: 'client' };
  return {
    services: {
      cluster: {
        name: 'zookeeper-cluster',
        selector: ZOOKEEPER_LABELS,
        ports: {
          server: { name: 'server', port: zk.serverPort, targetPort: 'server' },
          election: { name: 'leader-election', port: zk.electionPort, targetPort: 'leader-election' },
          client,
        },
      },
      client: { name: 'zookeeper-client', selector: ZOOKEEPER_LABELS, ports: { client } },
    },
    volumes: Object.values(ZOOKEEPER_VOLUMES),
  } satisfies ComponentContract;
}

/** What it offers, as its chart and its clients' charts read it. */
export type ZookeeperContract = ReturnType<typeof zookeeperContract>;
