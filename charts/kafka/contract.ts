import type { ComponentContract, LocalVolume } from '../../lib/contract';
import type { Profile } from '../../profile/types';

/** The brokers' StatefulSet (the original's name). */
export const KAFKA_STATEFUL_SET = 'kafka-server';

export const KAFKA_VOLUME = {
  pvName: 'local-pv-kafka',
  group: 'kafka',
  directory: 'kafka',
  accessMode: 'ReadWriteOnce',
  selector: { app: 'dojot', name: 'kafka-server' },
  persistence: (p) => p.kafka.persistence,
  replicas: (p) => p.kafka.clusterSize,
  claimTemplate: { name: 'kafka-volume', statefulSet: KAFKA_STATEFUL_SET },
} as const satisfies LocalVolume;

/** Kafka: the brokers' headless Service, which clients use as their bootstrap address. */
export function kafkaContract(p: Profile) {
  return {
    services: {
      broker: {
        name: 'kafka-server',
        selector: { name: 'kafka-server', app: 'dojot' },
        ports: { kafka: { name: 'kafka-server', port: p.kafka.port, targetPort: 'server' } },
      },
    },
    volumes: [KAFKA_VOLUME],
  } satisfies ComponentContract;
}

/** What it offers, as its chart and its clients' charts read it. */
export type KafkaContract = ReturnType<typeof kafkaContract>;
