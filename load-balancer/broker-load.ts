import { parseQuantity } from '../profile/quantity';
import type { Profile } from '../profile/types';
import { sessionsFitting } from '../profile/vernemq-sizing';
import { entryPoints } from './entry-points';

/**
 * A warning when the load balancer sends each VerneMQ broker more sessions than the broker is
 * sized for: its memory request (profile/vernemq-sizing.ts, which sizes it from the devices
 * unless a layer set it) or its listeners' `vernemq.maxConnections`. The devices spread over
 * the brokers behind the NodePort, `loadBalancer.expectedDevices / vernemq.replicas` each.
 */
export function brokerLoadWarnings(p: Profile): string[] {
  const mqtt = entryPoints(p).filter((e) => e.devices);
  if (!mqtt.length || p.flavour === 'mosca' || !p.loadBalancer.nodes.mqtt.length) return [];
  const brokers = Math.max(1, p.vernemq.replicas);
  const sessions = Math.ceil(p.loadBalancer.expectedDevices / brokers);
  const memory = p.resources['vernemq-k8s']?.vernemq?.memory;
  const byMemory =
    memory === undefined
      ? Number.POSITIVE_INFINITY
      : sessionsFitting(parseQuantity(memory), { brokers, bridges: p.bridges.replicas, maxOnlineMessages: p.vernemq.maxOnlineMessages });
  const byListeners = p.vernemq.maxConnections === 'infinity' ? Number.POSITIVE_INFINITY : p.vernemq.maxConnections * mqtt.length;
  const sizedFor = Math.min(byMemory, byListeners);
  if (sessions <= sizedFor) return [];
  const why =
    byListeners <= byMemory
      ? `vernemq.maxConnections ${p.vernemq.maxConnections} on each of its ${mqtt.length} MQTT listener${mqtt.length === 1 ? '' : 's'}`
      : `its memory request of ${memory} (resources.vernemq-k8s.vernemq.memory)`;
  return [
    `each VerneMQ broker gets about ${sessions} MQTT sessions from the load balancer (loadBalancer.expectedDevices ${p.loadBalancer.expectedDevices} over vernemq.replicas ${p.vernemq.replicas}), but is sized for ${sizedFor} (${why}): raise vernemq.replicas, or leave the brokers' memory to the sizing (README, Sizing), or lower loadBalancer.expectedDevices to what the platform takes`,
  ];
}
