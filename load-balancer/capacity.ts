import type { LoadBalancerSettings } from '../profile/load-balancer';
import type { EntryPoint } from './entry-points';
import type { Sizing } from './sizing';

/** The result of the source-port check of one entry point. */
export interface CapacityCheck {
  readonly entryPoint: string;
  readonly servers: number;
  /** Sessions one server must take: maxconn spread over the servers left when one is down. */
  readonly neededPerServer: number;
  /** Source ports the LB host has towards one server address and port. */
  readonly offeredPerServer: number;
  readonly ok: boolean;
}

export const portsIn = (range: LoadBalancerSettings['localPortRange']) => range.high - range.low + 1;

/**
 * Each connection from the LB host to a server uses one local port, so towards one server
 * address and port the LB has as many connections as its local port range (times its source
 * addresses). With leastconn, when one server of an entry point is down its sessions move to the
 * others: the check is made for that case, against the whole of maxconn (every device may use
 * the same entry point).
 */
export function checkCapacity(entryPoint: EntryPoint, servers: number, lb: LoadBalancerSettings, sizing: Sizing): CapacityCheck {
  const survivors = Math.max(1, servers - 1);
  const neededPerServer = Math.ceil(sizing.maxconn / survivors);
  const offeredPerServer = portsIn(lb.localPortRange) * Math.max(1, lb.sourceAddresses.length);
  return { entryPoint: entryPoint.name, servers, neededPerServer, offeredPerServer, ok: neededPerServer <= offeredPerServer };
}

/** What synth says when a check fails: the shortfall and the three ways out. */
export function capacityWarning(c: CapacityCheck, lb: LoadBalancerSettings, sizing: Sizing): string {
  const ports = portsIn(lb.localPortRange);
  const widest = 65535 - 1024 + 1;
  const sources = Math.ceil(c.neededPerServer / ports);
  const down = c.servers > 1 ? `when one of its ${c.servers} servers is down` : 'on its only server';
  return [
    `load balancer capacity: '${c.entryPoint}' must carry up to ${c.neededPerServer} sessions per server ${down} (maxconn ${sizing.maxconn}),`,
    `but the LB host has ${c.offeredPerServer} source ports per server (ip_local_port_range ${lb.localPortRange.low}-${lb.localPortRange.high}` +
      `${lb.sourceAddresses.length > 1 ? ` x ${lb.sourceAddresses.length} source addresses` : ''}). Change one of:`,
    ...(ports < widest
      ? [`  - loadBalancer.localPortRange to { low: 1024, high: 65535 } (${widest} ports; the generated sysctl file sets it)`]
      : []),
    `  - loadBalancer.sourceAddresses: ${sources} addresses of the LB host (each adds ${ports} ports per server)`,
    `  - more nodes in the entry point's inventory group`,
  ].join('\n');
}
