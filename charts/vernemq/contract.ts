import { type ComponentContract, exposedAs } from '../../lib/contract';
import type { Profile } from '../../profile/types';

/** The broker pods' labels, as the v0.6.0 operator set them; every VerneMQ Service selects by them. */
export const BROKER_POD_LABELS = { app: 'vernemq', vernemq: 'k8s' } as const;

/** Name of the StatefulSet, and prefix of its pods (`vernemq-k8s-0`, ...), as v0.6.0's operator named them. */
export const BROKER_STATEFULSET = 'vernemq-k8s';

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
  } satisfies ComponentContract;
}

/** What it offers, as its chart and its clients' charts read it. */
export type VernemqContract = ReturnType<typeof vernemqContract>;
