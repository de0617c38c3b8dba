import { type ComponentContract, type LocalVolume, exposedAs } from '../../lib/contract';
import type { Profile } from '../../profile/types';

/** The broker pods' labels, as the v0.6.0 operator set them; every VerneMQ Service selects by them. */
export const BROKER_POD_LABELS = { app: 'vernemq', vernemq: 'k8s' } as const;

/** Name of the StatefulSet, and prefix of its pods (`vernemq-k8s-0`, ...), as v0.6.0's operator named them. */
export const BROKER_STATEFULSET = 'vernemq-k8s';

/** Each broker's data directory (its cluster metadata, its offline messages): one local volume per replica, pre-bound to its claim. */
export const VERNEMQ_VOLUME = {
  pvName: 'local-pv-vernemq',
  group: 'vernemq',
  directory: 'vernemq',
  accessMode: 'ReadWriteOnce',
  selector: { app: 'vernemq', name: 'vernemq-data' },
  persistence: (p) => p.vernemq.persistence,
  replicas: (p) => p.vernemq.replicas,
  claimTemplate: { name: 'data', statefulSet: BROKER_STATEFULSET },
} as const satisfies LocalVolume;

/**
 * The brokers' Services: `vernemq-k8s` for the bridges and metrics, the NodePort Service the
 * load balancer forwards devices to (plain MQTT only with `vernemq.insecureMqtt`), and the
 * headless governing Service through which the nodes find and reach each other.
 */
export function vernemqContract(p: Profile) {
  return {
    services: {
      internal: {
        name: 'vernemq-k8s',
        selector: BROKER_POD_LABELS,
        ports: {
          mqtt: { name: 'mqtt', port: 1883, targetPort: 'mqtt' },
          mqtts: { name: 'mqtts', port: 8883, targetPort: 'mqtts' },
          ws: { name: 'mqtt-ws', port: 8080, targetPort: 'mqtt-ws' },
          http: { name: 'http', port: 8888, targetPort: 'http' },
        },
      },
      external: {
        name: 'vernemq-k8s-external-service',
        selector: { vernemq: BROKER_POD_LABELS.vernemq },
        ports: {
          mqtt: p.vernemq.insecureMqtt
            ? { name: 'mqtt', port: 1883, exposed: exposedAs(p, 'mqtt', p.nodePorts.mqtt, 'MQTT (plain), VerneMQ') }
            : undefined,
          mqtts: { name: 'mqtts', port: 8883, exposed: exposedAs(p, 'mqtts', p.nodePorts.mqtts, 'MQTT over TLS, VerneMQ') },
        },
      },
      cluster: {
        name: 'vernemq-k8s-headless',
        selector: BROKER_POD_LABELS,
        ports: {
          epmd: { name: 'epmd', port: 4369, targetPort: 'epmd' },
          clustering: { name: 'vmq', port: 44053, targetPort: 'vmq' },
        },
      },
    },
    volumes: [VERNEMQ_VOLUME],
  } satisfies ComponentContract;
}

/** What it offers, as its chart and its clients' charts read it. */
export type VernemqContract = ReturnType<typeof vernemqContract>;

/** A note when brokers form a cluster without volumes: a broker rescheduled empty rejoins under its old name (README, VerneMQ's state). */
export function vernemqStateNotices(p: Profile): string[] {
  if (p.vernemq.replicas < 2 || p.vernemq.persistence.enabled) return [];
  return [
    `vernemq: ${p.vernemq.replicas} brokers keep their cluster metadata in emptyDirs; one rescheduled comes back empty under its old name and its peers drop its new subscriptions until its clocks pass the old ones: set vernemq.persistence.enabled (and storageClassName) (README, VerneMQ's state)`,
  ];
}
