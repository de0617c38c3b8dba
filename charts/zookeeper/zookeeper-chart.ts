import type { Construct } from 'constructs';
import { DojotChart, type DojotChartProps } from '../dojot-chart';
import { dojotLabels } from '../../lib/labels';
import { DojotService, DojotStatefulSet, env } from '../../lib/workloads';
import type { Profile } from '../../profile/types';
import { claimSpec } from '../storage/claims';
import { ZOOKEEPER_LABELS, ZOOKEEPER_STATEFUL_SET, ZOOKEEPER_VOLUMES } from './contract';
import type { ZookeeperContract } from './contract';

/** The contracts this chart reads. */
type ZookeeperReads = { readonly zookeeper: ZookeeperContract };

export interface ZookeeperChartProps extends DojotChartProps<ZookeeperReads> {
  readonly zookeeper: Profile['zookeeper'];
  /** The cluster's DNS domain, in the ensemble's server list. */
  readonly clusterDomain: string;
}

/** Zookeeper for Kafka: a headless cluster Service, a client Service and the StatefulSet. */
export class ZookeeperChart extends DojotChart<ZookeeperReads> {
  constructor(scope: Construct, id: string, { zookeeper: zk, clusterDomain, ...props }: ZookeeperChartProps) {
    super(scope, id, props);
    const labels = ZOOKEEPER_LABELS;
    const { cluster, client } = this.contracts.zookeeper.services;

    const ensemble = zk.clusterSize > 1;
    // The servers must find each other before any is ready: a quorum is what makes them ready.
    new DojotService(this, 'ClusterService', {
      contract: cluster,
      labels: dojotLabels(cluster.name),
      spec: { clusterIp: 'None', publishNotReadyAddresses: ensemble ? true : undefined },
    });
    // Every server of the ensemble by its stable name (zookeeper-<n>), for cp-zookeeper's ZOOKEEPER_SERVERS (server.<n+1>).
    const servers = Array.from(
      { length: zk.clusterSize },
      (_, i) => `zookeeper-${i}.${cluster.name}.${this.namespace}.svc.${clusterDomain}:${zk.serverPort}:${zk.electionPort}`,
    );
    new DojotService(this, 'ClientService', { contract: client, labels: dojotLabels(client.name) });

    const persistent = zk.persistence.enabled;
    new DojotStatefulSet(this, 'StatefulSet', {
      name: ZOOKEEPER_STATEFUL_SET,
      metadataLabels: { name: 'zookeeper', app: 'dojot' },
      labels,
      serviceName: cluster.name,
      replicas: zk.clusterSize,
      // RollingUpdate: a synced change reaches the servers (the original's OnDelete waited for a manual delete).
      statefulSet: { updateStrategy: { type: 'RollingUpdate' }, podManagementPolicy: 'Parallel' },
      group: 'kafka',
      placement: this.placement,
      spec: { terminationGracePeriodSeconds: 1200, securityContext: { runAsUser: 1000, fsGroup: 1000 } },
      containers: [
        {
          name: 'zookeeper',
          image: 'confluentinc/cp-zookeeper:5.5.0',
          imagePullPolicy: 'IfNotPresent',
          ports: [
            { containerPort: zk.clientPort, name: 'client' },
            { containerPort: zk.serverPort, name: 'server' },
            { containerPort: zk.electionPort, name: 'leader-election' },
          ],
          // An ensemble: each server takes its id from its pod's ordinal (zookeeper-<n> is server n+1) as it
          // starts, then runs the image's own command (cp-zookeeper's CMD, zookeeper/Dockerfile.deb8).
          command: ensemble
            ? ['bash', '-c', ['export ZOOKEEPER_SERVER_ID=$(( ${HOSTNAME##*-} + 1 ))', 'exec /etc/confluent/docker/run'].join('\n')]
            : undefined,
          env: [
            ...(ensemble ? [env('ZOOKEEPER_SERVERS', servers.join(';')), env('ZOOKEEPER_QUORUM_LISTEN_ON_ALL_IPS', true)] : []),
            env('ZOOKEEPER_REPLICAS', zk.clusterSize),
            env('ZOOKEEPER_CLIENT_PORT', zk.clientPort),
            env('ZOOKEEPER_ELECTION_PORT', zk.electionPort),
            env('ZOOKEEPER_SERVER_PORT', zk.serverPort),
            env('ZOOKEEPER_HEAP_SIZE', '2G'),
            env('ZOOKEEPER_INIT_LIMIT', 5),
            env('ZOOKEEPER_LOG_LEVEL', 'INFO'),
            env('ZOOKEEPER_MAX_CLIENT_CNXNS', 100),
            env('ZOOKEEPER_MAX_SESSION_TIMEOUT', 40000),
            env('ZOOKEEPER_MIN_SESSION_TIMEOUT', 4000),
            env('ZOOKEEPER_PURGE_INTERVAL', 0),
            env('ZOOKEEPER_SNAP_RETAIN_COUNT', 3),
            env('ZOOKEEPER_SYNC_LIMIT', 10),
            env('ZOOKEEPER_TICK_TIME', 2000),
          ],
          volumeMounts: persistent
            ? [
                { name: 'zk-volume-data', mountPath: '/var/lib/zookeeper/data' },
                { name: 'zk-volume-log', mountPath: '/var/lib/zookeeper/log' },
              ]
            : undefined,
        },
      ],
      volumeClaimTemplates: persistent
        ? [
            {
              metadata: { name: ZOOKEEPER_VOLUMES.data.claimTemplate.name, namespace: this.namespace },
              spec: claimSpec(this.storage, ZOOKEEPER_VOLUMES.data, zk.persistence),
            },
            {
              metadata: { name: ZOOKEEPER_VOLUMES.log.claimTemplate.name, namespace: this.namespace },
              spec: claimSpec(this.storage, ZOOKEEPER_VOLUMES.log, zk.persistence),
            },
          ]
        : undefined,
    });
  }
}
