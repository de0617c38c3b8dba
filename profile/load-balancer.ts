import { isIPv4, isIPv6 } from 'node:net';
import type { Problem } from './problems';

/** The inventory groups of the load balancer's nodes, by their profile key. */
export const LB_GROUPS = {
  mqtt: 'mqtt_nodes',
  apigw: 'apigw_nodes',
  metrics: 'metrics_nodes',
  lwm2m: 'lwm2m_nodes',
  controlPlane: 'control_plane_nodes',
} as const;
export type LbGroup = keyof typeof LB_GROUPS;

/** The nodes behind each entry point: read from the inventory (`--inventory`) only, never from a profile. */
export interface LoadBalancerNodes {
  /** [mqtt_nodes] Addresses of the VerneMQ nodes. @default from the inventory */
  readonly mqtt: readonly string[];
  /** [apigw_nodes] Addresses of the node running Kong. @default from the inventory */
  readonly apigw: readonly string[];
  /** [metrics_nodes] Addresses of the node running Grafana. @default from the inventory */
  readonly metrics: readonly string[];
  /** [lwm2m_nodes] Addresses of the node running the LwM2M agent (nginx, UDP). @default from the inventory */
  readonly lwm2m: readonly string[];
  /** [control_plane_nodes] Kubernetes API servers; when given, HAProxy also fronts 6443. @default from the inventory (none) */
  readonly controlPlane: readonly string[];
}

/**
 * The L4 load balancer in front of the cluster (HAProxy, plus nginx for LwM2M's UDP), rendered
 * by `load-balancer/`. Addresses usually come from the Ansible inventory (DOJOT_INVENTORY).
 */
export interface LoadBalancerSettings {
  /** MQTT devices connected at once; sizes maxconn, ulimit-n and the sysctl file. @default 10000 */
  readonly expectedDevices: number;
  /** The longest MQTT keepalive the devices use, in seconds; idle sessions are kept 1.5 times as long. @default 200 (the original's 300 s idle timeout) */
  readonly maxClientKeepaliveSeconds: number;
  /** The LB host's `net.ipv4.ip_local_port_range`, written to its sysctl file and used by the capacity check. @default { low: 1024, high: 65535 } (the guide's) */
  readonly localPortRange: { readonly low: number; readonly high: number };
  /** Extra source addresses of the LB host; each server is then reached from each of them, multiplying its source ports. @default [] */
  readonly sourceAddresses: readonly string[];
  /** How long an old HAProxy process may keep its sessions after a reload, in seconds. @default 600 */
  readonly hardStopAfterSeconds: number;
  /** The operators' stats socket (`socat stdio <path>` then `show stat`). @default '/run/haproxy/admin.sock' */
  readonly statsSocket: string;
  /** Host name or address of the LB itself, for `kubeadm init --control-plane-endpoint`. @default the profile's domainName */
  readonly address: string;
  /** Addresses of the nodes behind each entry point, as the inventory's groups. */
  readonly nodes: LoadBalancerNodes;
}

/** The defaults; `address` is derived from the profile's domainName (profile/defaults.ts). */
export const LOAD_BALANCER_DEFAULTS: Omit<LoadBalancerSettings, 'address'> = {
  expectedDevices: 10000,
  maxClientKeepaliveSeconds: 200,
  localPortRange: { low: 1024, high: 65535 },
  sourceAddresses: [],
  hardStopAfterSeconds: 600,
  statsSocket: '/run/haproxy/admin.sock',
  nodes: { mqtt: [], apigw: [], metrics: [], lwm2m: [], controlPlane: [] },
};

const DNS_NAME = /^(?=.{1,253}$)[A-Za-z0-9]([-A-Za-z0-9]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([-A-Za-z0-9]{0,61}[A-Za-z0-9])?)*$/;

/** An address HAProxy and nginx accept for a server: IPv4, IPv6 (without a zone id: `fe80::1%eth0` fails `haproxy -c`) or a DNS name. */
export function isAddress(value: unknown): value is string {
  if (typeof value !== 'string' || value.includes('%')) return false;
  return isIPv4(value) || isIPv6(value) || (DNS_NAME.test(value) && !/^[\d.]+$/.test(value));
}

/** Problems of one group's addresses: each valid, none twice. `where` names them for the user. */
export function addressProblems(addresses: readonly unknown[], where: (i: number) => string): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  addresses.forEach((a, i) => {
    if (!isAddress(a))
      problems.push({ path: where(i), message: `must be an IPv4 or IPv6 address (no zone id) or a DNS name, got ${JSON.stringify(a)}` });
    else {
      const first = seen.get(a);
      if (first === undefined) seen.set(a, i);
      else problems.push({ path: where(i), message: `'${a}' is listed twice (also ${where(first)})` });
    }
  });
  return problems;
}

const wholeIn = (v: number, min: number, max: number) => Number.isInteger(v) && v >= min && v <= max;

/** Checks of the load-balancer settings, run with the rest of the profile's validation. */
export function validateLoadBalancer(lb: LoadBalancerSettings): Problem[] {
  const problems: Problem[] = [];
  const at = (field: string) => `loadBalancer.${field}`;
  if (!wholeIn(lb.expectedDevices, 1, 10_000_000))
    problems.push({ path: at('expectedDevices'), message: `must be a whole number from 1 to 10000000, got ${lb.expectedDevices}` });
  if (!wholeIn(lb.maxClientKeepaliveSeconds, 1, 65535)) {
    problems.push({
      path: at('maxClientKeepaliveSeconds'),
      message: `must be a whole number of seconds from 1 to 65535 (MQTT's limit), got ${lb.maxClientKeepaliveSeconds}`,
    });
  }
  const { low, high } = lb.localPortRange;
  if (!wholeIn(low, 1024, 65535) || !wholeIn(high, 1024, 65535) || low > high) {
    problems.push({
      path: at('localPortRange'),
      message: `must be two port numbers with 1024 <= low <= high <= 65535, got ${low}-${high}`,
    });
  }
  if (!wholeIn(lb.hardStopAfterSeconds, 1, 86400))
    problems.push({
      path: at('hardStopAfterSeconds'),
      message: `must be a whole number of seconds from 1 to 86400, got ${lb.hardStopAfterSeconds}`,
    });
  if (!/^\/[\w./-]+$/.test(lb.statsSocket) || lb.statsSocket.split('/').some((part) => part === '.' || part === '..'))
    problems.push({ path: at('statsSocket'), message: `must be an absolute path without . or .. in it, got '${lb.statsSocket}'` });
  if (!isAddress(lb.address))
    problems.push({ path: at('address'), message: `must be an IPv4 or IPv6 address or a DNS name, got ${JSON.stringify(lb.address)}` });
  if (!Array.isArray(lb.sourceAddresses))
    problems.push({ path: at('sourceAddresses'), message: `must be a list of addresses, got ${JSON.stringify(lb.sourceAddresses)}` });
  else problems.push(...addressProblems(lb.sourceAddresses, (i) => at(`sourceAddresses[${i}]`)));
  for (const group of Object.keys(LB_GROUPS) as LbGroup[]) {
    const addresses = lb.nodes[group];
    if (!Array.isArray(addresses)) {
      problems.push({ path: at(`nodes.${group}`), message: `must be a list of addresses, got ${JSON.stringify(addresses)}` });
      continue;
    }
    problems.push(...addressProblems(addresses, (i) => at(`nodes.${group}[${i}]`)));
  }
  return problems;
}
