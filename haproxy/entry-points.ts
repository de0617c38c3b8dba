import type { LbGroup } from '../profile/load-balancer';
import type { Profile } from '../profile/types';

/** One TCP port of the load balancer and the NodePort it forwards to (the original's table). */
export interface EntryPoint {
  /** Name of the `listen` section. */
  readonly name: string;
  readonly comment: string;
  /** Port the load balancer listens on. */
  readonly port: number;
  /** The NodePort of the cluster's Service. */
  readonly nodePort: number;
  /** The inventory group of its nodes. */
  readonly group: LbGroup;
  /** Servers are named `<prefix>-<n>`, as the original names them. */
  readonly serverPrefix: string;
  /** MQTT devices connect here: sized and capacity-checked for the expected device count. */
  readonly devices: boolean;
}

/**
 * The entry points the profile's cluster exposes: plain MQTT only when insecure MQTT is on, and
 * Kong's HTTPS only with mutual TLS (kong-external has no HTTPS NodePort otherwise).
 */
export function entryPoints(p: Profile): EntryPoint[] {
  const n = p.nodePorts;
  const all: (EntryPoint & { enabled: boolean })[] = [
    { name: 'mqtt', comment: 'MQTT (plain), VerneMQ', port: 1883, nodePort: n.mqtt, group: 'mqtt', serverPrefix: 'mqtt', devices: true, enabled: p.vernemq.insecureMqtt },
    { name: 'mqtts', comment: 'MQTT over TLS, VerneMQ', port: 8883, nodePort: n.mqtts, group: 'mqtt', serverPrefix: 'mqtt', devices: true, enabled: true },
    { name: 'apigw', comment: 'HTTP, Kong', port: 80, nodePort: n.apigw.http, group: 'apigw', serverPrefix: 'dojot', devices: false, enabled: true },
    { name: 'apigws', comment: 'HTTPS with mutual TLS, Kong', port: 443, nodePort: n.apigw.https, group: 'apigw', serverPrefix: 'dojot', devices: false, enabled: p.apigw.mutualTls },
    { name: 'metrics', comment: 'Grafana (metrics stack)', port: 8080, nodePort: n.metrics, group: 'metrics', serverPrefix: 'metrics', devices: false, enabled: true },
  ];
  return all.filter((e) => e.enabled).map(({ enabled: _, ...e }) => e);
}

/** The Kubernetes API servers' port, fronted when control-plane nodes are given. */
export const KUBE_API_PORT = 6443;
