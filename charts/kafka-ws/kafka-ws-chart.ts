import { k8s } from 'cdk8s-plus-27';
import type { Construct } from 'constructs';
import { DojotChart, type DojotChartProps } from '../dojot-chart';
import { dojotLabels } from '../../lib/labels';
import { hostPort, portOf } from '../../lib/contract';
import { DojotDeployment, DojotService, DojotStatefulSet, env } from '../../lib/workloads';
import type { Profile } from '../../profile/types';
import { claimSpec } from '../storage/claims';
import { KAFKA_WS_VOLUME } from './contract';
import type { KafkaContract } from '../kafka/contract';
import type { KafkaWsContract } from './contract';

/** The contracts this chart reads. */
type KafkaWsReads = { readonly kafka: KafkaContract; readonly kafkaWs: KafkaWsContract };

export interface KafkaWsChartProps extends DojotChartProps<KafkaWsReads> {
  readonly kafkaWs: Profile['kafkaWs'];
}

const CERTS = '/opt/kafka-ws/certs';

/** kafka-ws: Kafka topics over WebSocket, with its Redis (tickets). */
export class KafkaWsChart extends DojotChart<KafkaWsReads> {
  constructor(scope: Construct, id: string, { kafkaWs: ws, ...props }: KafkaWsChartProps) {
    super(scope, id, props);
    const { api, redis } = this.contracts.kafkaWs.services;
    const labels = dojotLabels(api.name);
    const redisLabels = dojotLabels(redis.name);
    const certificates = ws.persistence.enabled;

    if (certificates) {
      new k8s.KubePersistentVolumeClaim(this, 'Claim', {
        metadata: { name: api.name, labels },
        spec: claimSpec(this.storage, KAFKA_WS_VOLUME, ws.persistence),
      });
    }
    new DojotDeployment(this, 'Deployment', {
      name: api.name,
      metadataLabels: { name: api.name, app: 'dojot' },
      labels,
      group: 'dojot',
      placement: this.placement,
      spec: { restartPolicy: 'Always', securityContext: { fsGroup: 0 } },
      containers: [
        {
          name: api.name,
          image: `dojot/kafka-ws:${ws.version}`,
          env: [
            env('KAFKA_WS_CONSUMER_METADATA_BROKER_LIST', hostPort(this.contracts.kafka.services.broker, 'kafka')),
            env('KAFKA_WS_SERVER_PORT', portOf(api, 'http').port),
            env('KAFKA_WS_REDIS_HOST', redis.name),
            env('KAFKA_WS_REDIS_PORT', portOf(redis, 'redis').port),
            env('KAFKA_WS_SERVER_TLS', ws.tls),
            env('KAFKA_WS_SERVER_CA', `${CERTS}/ca.crt`),
            env('KAFKA_WS_SERVER_KEY', `${CERTS}/kafka-ws.key`),
            env('KAFKA_WS_SERVER_CERT', `${CERTS}/kafka-ws.crt`),
            env('KAFKA_WS_SERVER_REQUEST_CERT', true),
          ],
          volumeMounts: certificates ? [{ name: api.name, mountPath: CERTS }] : undefined,
        },
      ],
      volumes: certificates ? [{ name: api.name, persistentVolumeClaim: { claimName: api.name } }] : undefined,
    });
    new DojotService(this, 'Service', { contract: api, labels: { name: api.name } });
    new DojotStatefulSet(this, 'RedisStatefulSet', {
      name: redis.name,
      metadataLabels: { name: redis.name, app: 'dojot' },
      labels: redisLabels,
      serviceName: redis.name,
      group: 'dojot',
      placement: this.placement,
      spec: { restartPolicy: 'Always' },
      containers: [{ name: redis.name, image: 'dojot/redis:6.0.4-alpine3.11' }],
    });
    new DojotService(this, 'RedisService', { contract: redis, labels: { name: redis.name } });
  }
}
