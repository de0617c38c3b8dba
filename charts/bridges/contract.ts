import type { ComponentContract } from '../../lib/contract';
import { dojotLabels } from '../../lib/labels';
import type { Profile } from '../../profile/types';

export type BridgeName = 'v2k-bridge' | 'k2v-bridge';

/** The bridge pods select by name only (the original's selector). */
export const bridgeSelector = (name: BridgeName) => ({ name });

/** A VerneMQ⇄Kafka bridge: v2k-bridge (MQTT to Kafka, port 4000) or k2v-bridge (Kafka to MQTT, 4001). */
export function bridgeContract(name: BridgeName) {
  const port = name === 'v2k-bridge' ? 4000 : 4001;
  return { services: { api: { name, selector: bridgeSelector(name), ports: { api: { name, port } } } } } satisfies ComponentContract;
}

export const KAFKA_LOOPBACK_LABELS = dojotLabels('kafka-loopback');

/** kafka-loopback's governing Service: headless, no port. */
export function kafkaLoopbackContract(_p: Profile) {
  return { services: { governing: { name: 'kafka-loopback', selector: KAFKA_LOOPBACK_LABELS, ports: {} } } } satisfies ComponentContract;
}

/** What it offers, as its chart and its clients' charts read it. */
export type BridgeContract = ReturnType<typeof bridgeContract>;

/** What it offers, as its chart and its clients' charts read it. */
export type KafkaLoopbackContract = ReturnType<typeof kafkaLoopbackContract>;
