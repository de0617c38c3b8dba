import { deployedContracts } from '../charts/flavours';
import { type HaproxyEntryPoint, exposures } from '../lib/contract';
import type { LbGroup } from '../profile/load-balancer';
import type { Profile } from '../profile/types';

/** One TCP port of the load balancer and the NodePort it forwards to (the original's table). */
export interface EntryPoint {
  /** Name of the `listen` section. */
  readonly name: HaproxyEntryPoint;
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

/** The load balancer's side of each entry point, in the order of haproxy.cfg. */
const ENTRY_POINTS: Readonly<Record<HaproxyEntryPoint, Pick<EntryPoint, 'port' | 'group' | 'serverPrefix' | 'devices'>>> = {
  mqtt: { port: 1883, group: 'mqtt', serverPrefix: 'mqtt', devices: true },
  mqtts: { port: 8883, group: 'mqtt', serverPrefix: 'mqtt', devices: true },
  apigw: { port: 80, group: 'apigw', serverPrefix: 'dojot', devices: false },
  apigws: { port: 443, group: 'apigw', serverPrefix: 'dojot', devices: false },
  metrics: { port: 8080, group: 'metrics', serverPrefix: 'metrics', devices: false },
};

/**
 * The entry points of the profile: one per port that a deployed component's contract exposes
 * as a NodePort (VerneMQ's plain MQTT only with insecure MQTT, Kong's HTTPS only with mutual
 * TLS, and so on: the contracts decide, not this file).
 */
export function entryPoints(p: Profile): EntryPoint[] {
  const exposed = new Map(exposures(deployedContracts(p)).map((e) => [e.exposure.entryPoint, e.exposure]));
  return (Object.keys(ENTRY_POINTS) as HaproxyEntryPoint[]).flatMap((name) => {
    const e = exposed.get(name);
    return e ? [{ name, comment: e.description, nodePort: e.nodePort, ...ENTRY_POINTS[name] }] : [];
  });
}

/** The Kubernetes API servers' port, fronted when control-plane nodes are given. */
export const KUBE_API_PORT = 6443;
