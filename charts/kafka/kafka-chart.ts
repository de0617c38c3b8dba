import type { Construct } from 'constructs';
import { DojotChart, type DojotChartProps } from '../dojot-chart';
import { dojotLabels } from '../../lib/labels';
import { DojotService, DojotStatefulSet, env } from '../../lib/workloads';
import type { Profile } from '../../profile/types';
import { hostPort } from '../../lib/contract';
import { claimSpec } from '../storage/claims';
import { KAFKA_STATEFUL_SET, KAFKA_VOLUME } from './contract';
import type { ZookeeperContract } from '../zookeeper/contract';
import type { KafkaContract } from './contract';

/** The contracts this chart reads. */
type KafkaReads = { readonly zookeeper: ZookeeperContract; readonly kafka: KafkaContract };

export interface KafkaChartProps extends DojotChartProps<KafkaReads> {
  readonly kafka: Profile['kafka'];
  /** The cluster's DNS domain, in each broker's advertised address. */
  readonly clusterDomain: string;
}

/** The Kafka broker(s), their headless Service and PodDisruptionBudget. */
export class KafkaChart extends DojotChart<KafkaReads> {
  constructor(scope: Construct, id: string, { kafka, clusterDomain, ...props }: KafkaChartProps) {
    super(scope, id, props);
    const labels = dojotLabels('kafka-server');

    const service = this.contracts.kafka.services.broker;
    new DojotService(this, 'Service', {
      contract: service,
      labels: { name: 'kafka-server' },
      spec: { clusterIp: 'None', publishNotReadyAddresses: kafka.clusterSize > 1 ? true : undefined },
    });

    const persistent = kafka.persistence.enabled;
    const scaled = kafka.clusterSize > 1;
    const podDomain = `${service.name}.${this.namespace}.svc.${clusterDomain}`;
    const replication = replicationFor(kafka.clusterSize);
    new DojotStatefulSet(this, 'StatefulSet', {
      name: KAFKA_STATEFUL_SET,
      labels,
      serviceName: service.name,
      replicas: kafka.clusterSize,
      // The original's budget, now one broker down at a time: its minAvailable 50% of one broker blocked every drain.
      disruptionBudgetName: 'kafka-pdb',
      group: 'kafka',
      placement: this.placement,
      spec: { terminationGracePeriodSeconds: 300, securityContext: { runAsUser: 1000, fsGroup: 1000 } },
      containers: [
        {
          name: 'kafka',
          imagePullPolicy: 'IfNotPresent',
          image: 'confluentinc/cp-kafka:5.5.0',
          ports: [
            { containerPort: kafka.port, name: 'server' },
            { containerPort: 29092, name: 'client' },
          ],
          // More than one broker: each takes its id and address from its pod (kafka-server-<n>) as it
          // starts, then runs the image's own command (cp-kafka's CMD, kafka/Dockerfile.deb8).
          command: scaled
            ? [
                'bash',
                '-c',
                [
                  'export KAFKA_BROKER_ID=$(( ${HOSTNAME##*-} + 1 ))',
                  `export KAFKA_ADVERTISED_LISTENERS=PLAINTEXT://\${HOSTNAME}.${podDomain}:${kafka.port}`,
                  'exec /etc/confluent/docker/run',
                ].join('\n'),
              ]
            : undefined,
          env: [
            ...(scaled ? [] : [env('KAFKA_BROKER_ID', 1)]),
            env('KAFKA_ZOOKEEPER_CONNECT', hostPort(this.contracts.zookeeper.services.client, 'client')),
            ...(scaled ? [] : [env('KAFKA_ADVERTISED_LISTENERS', `PLAINTEXT://:${kafka.port}`)]),
            env('KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR', replication.factor),
            env('KAFKA_TRANSACTION_STATE_LOG_MIN_ISR', replication.minIsr),
            env('KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR', replication.factor),
            ...(scaled
              ? [env('KAFKA_DEFAULT_REPLICATION_FACTOR', replication.factor), env('KAFKA_MIN_INSYNC_REPLICAS', replication.minIsr)]
              : []),
            env('KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS', 0),
            env('KAFKA_LOG_RETENTION_MINUTES', 30),
            env('KAFKA_LOG_SEGMENT_BYTES', 262144000),
            env('KAFKA_LOG_RETENTION_CHECK_INTERVAL_MS', 30000),
          ],
          volumeMounts: persistent ? [{ mountPath: '/var/lib/kafka/data', name: 'kafka-volume' }] : undefined,
        },
      ],
      volumeClaimTemplates: persistent
        ? [{ metadata: { name: KAFKA_VOLUME.claimTemplate.name }, spec: claimSpec(this.storage, KAFKA_VOLUME, kafka.persistence) }]
        : undefined,
    });
  }
}

/**
 * Replication that fits the brokers: three copies where there are three brokers or more (two
 * must acknowledge a write), else one per broker. One broker keeps v0.6.0's factor 1.
 */
export function replicationFor(brokers: number): { factor: number; minIsr: number } {
  const factor = Math.min(3, brokers);
  return { factor, minIsr: factor >= 3 ? 2 : 1 };
}
