import { type ComponentContract, type LocalVolume, serviceUrl } from '../../lib/contract';
import type { Profile } from '../../profile/types';

/** The certificates of TLS (`/opt/kafka-ws/certs`). */
export const KAFKA_WS_VOLUME = {
  pvName: 'local-pv-kafka-ws',
  group: 'dojot',
  directory: 'kafka_ws',
  accessMode: 'ReadOnlyMany',
  selector: { app: 'dojot', name: 'kafka-ws' },
  persistence: (p) => p.kafkaWs.persistence,
} as const satisfies LocalVolume;

/** The port dojot/redis:6.0.4-alpine3.11 listens on (redis-server's default; the image passes no other). */
export const REDIS_SERVER_PORT = 6379;

/** kafka-ws: Kafka topics over WebSocket (HTTPS with `kafkaWs.tls`), and its Redis of tickets. */
export function kafkaWsContract(p: Profile) {
  const ws = p.kafkaWs;
  const api = { name: 'kafka-ws', selector: { name: 'kafka-ws', app: 'dojot' }, ports: { http: { port: ws.port, targetPort: ws.port } } };
  const upstream = serviceUrl(api, 'http', '/', ws.tls ? 'https' : 'http');
  return {
    services: {
      api,
      redis: {
        name: 'kafka-ws-redis',
        selector: { name: 'kafka-ws-redis', app: 'dojot' },
        // redis-server listens on its default 6379 whatever kafkaWs.redisPort (docker-library/redis
        // 23af5b6a 6.0/alpine/Dockerfile: CMD redis-server, no configuration); v0.6.0 forwarded to
        // kafkaWs.redisPort, where nothing listens once it is moved.
        ports: { redis: { port: ws.redisPort, targetPort: REDIS_SERVER_PORT, name: 'kafka-ws-redis' } },
      },
    },
    routes: [
      { service: 'kafka-ws', upstream, paths: ['/kafka-ws'], stripPath: false, timeoutMs: 300000 },
      { service: 'kafka-ws-ticket', upstream, paths: ['/kafka-ws/v[0-9]+/ticket'], stripPath: false, authorized: true },
    ],
    volumes: [KAFKA_WS_VOLUME],
  } satisfies ComponentContract;
}

/** What it offers, as its chart and its clients' charts read it. */
export type KafkaWsContract = ReturnType<typeof kafkaWsContract>;
