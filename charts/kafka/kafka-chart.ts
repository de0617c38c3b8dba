import { k8s } from 'cdk8s-plus-27';
import type { Construct } from 'constructs';
import { DojotChart, type DojotChartProps } from '../../lib/dojot-chart';
import { dojotLabels } from '../../lib/labels';
import { DojotService, DojotStatefulSet, env } from '../../lib/workloads';
import type { Profile } from '../../profile/types';
import { hostPort } from '../../lib/contract';
import { claimSpec } from '../storage/local-volumes';
import { KAFKA_VOLUME } from './contract';

export interface KafkaChartProps extends DojotChartProps {
  readonly kafka: Profile['kafka'];
}

/** The Kafka broker(s), their headless Service and PodDisruptionBudget. */
export class KafkaChart extends DojotChart {
  constructor(scope: Construct, id: string, { kafka, ...props }: KafkaChartProps) {
    super(scope, id, props);
    const labels = dojotLabels('kafka-server');

    const service = this.contracts.kafka.services.broker;
    new DojotService(this, 'Service', { contract: service, labels: { name: 'kafka-server' }, spec: { clusterIp: 'None' } });
    new k8s.KubePodDisruptionBudget(this, 'DisruptionBudget', {
      metadata: { name: 'kafka-pdb' },
      // At most one broker down at a time; the original's minAvailable 50% of one broker blocked every drain.
      spec: { selector: { matchLabels: labels }, maxUnavailable: k8s.IntOrString.fromNumber(1) },
    });

    const persistent = kafka.persistence.enabled;
    new DojotStatefulSet(this, 'StatefulSet', {
      name: 'kafka-server',
      labels,
      serviceName: service.name,
      replicas: kafka.clusterSize,
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
          env: [
            env('KAFKA_BROKER_ID', 1),
            env('KAFKA_ZOOKEEPER_CONNECT', hostPort(this.contracts.zookeeper.services.client, 'client')),
            env('KAFKA_ADVERTISED_LISTENERS', `PLAINTEXT://:${kafka.port}`),
            env('KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR', 1),
            env('KAFKA_TRANSACTION_STATE_LOG_MIN_ISR', 1),
            env('KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR', 1),
            env('KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS', 0),
            env('KAFKA_LOG_RETENTION_MINUTES', 30),
            env('KAFKA_LOG_SEGMENT_BYTES', 262144000),
            env('KAFKA_LOG_RETENTION_CHECK_INTERVAL_MS', 30000),
          ],
          volumeMounts: persistent ? [{ mountPath: '/var/lib/kafka/data', name: 'kafka-volume' }] : undefined,
        },
      ],
      volumeClaimTemplates: persistent
        ? [{ metadata: { name: 'kafka-volume' }, spec: claimSpec(this.storage, KAFKA_VOLUME, kafka.persistence) }]
        : undefined,
    });
  }
}
