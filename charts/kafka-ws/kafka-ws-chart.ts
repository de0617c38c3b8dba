import { k8s } from 'cdk8s-plus-27';
import type { Construct } from 'constructs';
import { DojotChart, type DojotChartProps } from '../../lib/dojot-chart';
import { dojotLabels } from '../../lib/labels';
import { SERVICE_NAMES } from '../../lib/service-names';
import { DojotDeployment, DojotService, DojotStatefulSet, env, httpProbe } from '../../lib/workloads';
import type { Profile } from '../../profile/types';
import { claimSpec, LOCAL_VOLUMES } from '../storage/local-volumes';

export interface KafkaWsChartProps extends DojotChartProps {
  readonly kafkaWs: Profile['kafkaWs'];
  readonly kafkaPort: number;
}

const CERTS = '/opt/kafka-ws/certs';

/** kafka-ws: Kafka topics over WebSocket, with its Redis (tickets). */
export class KafkaWsChart extends DojotChart {
  constructor(scope: Construct, id: string, { kafkaWs: ws, kafkaPort, ...props }: KafkaWsChartProps) {
    super(scope, id, props);
    const labels = dojotLabels(SERVICE_NAMES.kafkaWs);
    const redisLabels = dojotLabels(SERVICE_NAMES.kafkaWsRedis);
    const certificates = ws.persistence.enabled;

    if (certificates) {
      new k8s.KubePersistentVolumeClaim(this, 'Claim', {
        metadata: { name: SERVICE_NAMES.kafkaWs, labels },
        spec: claimSpec(this.storage, LOCAL_VOLUMES.kafkaWs, ws.persistence),
      });
    }
    new DojotDeployment(this, 'Deployment', {
      name: SERVICE_NAMES.kafkaWs,
      metadataLabels: { name: SERVICE_NAMES.kafkaWs, app: 'dojot' },
      labels,
      group: 'dojot',
      placement: this.placement,
      spec: { restartPolicy: 'Always', securityContext: { fsGroup: 0 } },
      containers: [
        {
          name: SERVICE_NAMES.kafkaWs,
          image: `dojot/kafka-ws:${ws.version}`,
          // With mutual TLS the kubelet cannot pass the readiness check (no client certificate).
          readinessProbe: httpProbe(
            '/ready',
            9000,
            { initialDelaySeconds: 15, failureThreshold: 1, periodSeconds: 20, successThreshold: 1, timeoutSeconds: 5 },
            ws.tls ? 'HTTPS' : undefined,
          ),
          livenessProbe: httpProbe('/live', 9000, { failureThreshold: 3, initialDelaySeconds: 15, periodSeconds: 20, successThreshold: 1, timeoutSeconds: 3 }),
          env: [
            env('KAFKA_WS_CONSUMER_METADATA_BROKER_LIST', `${SERVICE_NAMES.kafka}:${kafkaPort}`),
            env('KAFKA_WS_SERVER_PORT', ws.port),
            env('KAFKA_WS_REDIS_HOST', SERVICE_NAMES.kafkaWsRedis),
            env('KAFKA_WS_REDIS_PORT', ws.redisPort),
            env('KAFKA_WS_SERVER_TLS', ws.tls),
            env('KAFKA_WS_SERVER_CA', `${CERTS}/ca.crt`),
            env('KAFKA_WS_SERVER_KEY', `${CERTS}/kafka-ws.key`),
            env('KAFKA_WS_SERVER_CERT', `${CERTS}/kafka-ws.crt`),
            env('KAFKA_WS_SERVER_REQUEST_CERT', true),
          ],
          volumeMounts: certificates ? [{ name: SERVICE_NAMES.kafkaWs, mountPath: CERTS }] : undefined,
        },
      ],
      volumes: certificates ? [{ name: SERVICE_NAMES.kafkaWs, persistentVolumeClaim: { claimName: SERVICE_NAMES.kafkaWs } }] : undefined,
    });
    new DojotService(this, 'Service', {
      name: SERVICE_NAMES.kafkaWs,
      labels: { name: SERVICE_NAMES.kafkaWs },
      selector: { name: SERVICE_NAMES.kafkaWs, app: 'dojot' },
      ports: [{ port: ws.port, targetPort: k8s.IntOrString.fromNumber(ws.port) }],
    });
    new DojotStatefulSet(this, 'RedisStatefulSet', {
      name: SERVICE_NAMES.kafkaWsRedis,
      metadataLabels: { name: SERVICE_NAMES.kafkaWsRedis, app: 'dojot' },
      labels: redisLabels,
      serviceName: SERVICE_NAMES.kafkaWsRedis,
      group: 'dojot',
      placement: this.placement,
      spec: { restartPolicy: 'Always' },
      containers: [{ name: SERVICE_NAMES.kafkaWsRedis, image: 'dojot/redis:6.0.4-alpine3.11' }],
    });
    new DojotService(this, 'RedisService', {
      name: SERVICE_NAMES.kafkaWsRedis,
      labels: { name: SERVICE_NAMES.kafkaWsRedis },
      selector: { name: SERVICE_NAMES.kafkaWsRedis, app: 'dojot' },
      ports: [{ port: ws.redisPort, targetPort: k8s.IntOrString.fromNumber(ws.redisPort), name: SERVICE_NAMES.kafkaWsRedis }],
    });
  }
}
