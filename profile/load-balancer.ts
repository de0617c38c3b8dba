import { isIPv4, isIPv6 } from 'node:net';
import { addressKey, unusableAddress } from './addresses';
import { LDH_RULE, dnsNameProblem, isDnsName } from './dns-name';
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

/** An address HAProxy and nginx accept for a server: IPv4, IPv6 (without a zone id: `fe80::1%eth0` fails `haproxy -c`) or a DNS name. */
export function isAddress(value: unknown): value is string {
  if (typeof value !== 'string' || value.includes('%')) return false;
  return isIPv4(value) || isIPv6(value) || isDnsName(value);
}

/**
 * What is wrong with an address of the load balancer (see isAddress), or undefined: `what` says
 * what is allowed. A name that is almost one says why it is not (too long, a label too long, a
 * malformed IPv4 address); an address that is one but that no server can use says which it is.
 */
function addressProblem(value: unknown, what: string): string | undefined {
  if (!isAddress(value)) {
    const why = typeof value === 'string' && !value.includes('%') ? dnsNameProblem(value) : undefined;
    // The rule of letters, digits and - adds nothing to `what`.
    const specific = why !== undefined && why !== LDH_RULE;
    return `must be ${what}, got ${JSON.stringify(value)}${specific ? `: ${why}` : ''}`;
  }
  const unusable = unusableAddress(value);
  if (unusable)
    return `must be an address a server can use (not unspecified, broadcast or multicast): ${JSON.stringify(value)} is ${unusable}`;
  return undefined;
}

/**
 * Problems of one group's addresses: each valid and usable, none twice. Two spellings of one
 * address are the same address: IPv6 in its RFC 5952 form, an IPv4-mapped IPv6 address as its
 * IPv4, a DNS name without case or trailing dot. `where` names them for the user.
 */
export function addressProblems(addresses: readonly unknown[], where: (i: number) => string): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  addresses.forEach((a, i) => {
    const problem = addressProblem(a, 'an IPv4 or IPv6 address (no zone id) or a DNS name');
    if (problem !== undefined) {
      problems.push({ path: where(i), message: problem });
      return;
    }
    const key = addressKey(String(a));
    const first = seen.get(key);
    if (first === undefined) seen.set(key, i);
    else {
      const spelt = addresses[first] === a ? '' : `, as '${addresses[first]}'`;
      problems.push({ path: where(i), message: `'${a}' is listed twice (also ${where(first)}${spelt})` });
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
  const address = addressProblem(lb.address, 'an IPv4 or IPv6 address or a DNS name');
  if (address) problems.push({ path: at('address'), message: address });
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
