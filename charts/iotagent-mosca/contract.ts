import { type ComponentContract, exposedAs } from '../../lib/contract';
import type { Profile } from '../../profile/types';

/**
 * iotagent-mosca (the `mosca` flavour): the legacy MQTT agent on the same NodePorts as VerneMQ's,
 * plain MQTT only with `vernemq.insecureMqtt` (the original always opened 1883).
 */
export function iotagentMoscaContract(p: Profile) {
  return {
    services: {
      mqtt: {
        name: 'iotagent-mosca',
        selector: { name: 'iotagent-mosca', app: 'dojot' },
        ports: {
          mqtt: p.vernemq.insecureMqtt
            ? { name: 'mqtt-insecure', port: 1883, exposed: exposedAs(p, 'mqtt', p.nodePorts.mqtt, 'MQTT (plain), iotagent-mosca') }
            : undefined,
          mqtts: { name: 'mqtt-secure', port: 8883, exposed: exposedAs(p, 'mqtts', p.nodePorts.mqtts, 'MQTT over TLS, iotagent-mosca') },
        },
      },
    },
  } satisfies ComponentContract;
}

/** What it offers, as its chart and its clients' charts read it. */
export type IotagentMoscaContract = ReturnType<typeof iotagentMoscaContract>;
