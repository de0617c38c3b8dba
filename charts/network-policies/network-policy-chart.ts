import { k8s } from 'cdk8s-plus-27';
import type { Construct } from 'constructs';
import type { ComponentContract, PortContract, ServiceContract } from '../../lib/contract';
import { DojotChart, type DojotChartProps } from '../dojot-chart';
import type { Profile } from '../../profile/types';
import { CHART_IDS } from '../chart-ids';
import type { ChartedName, ComponentName, PlatformContracts } from '../contracts';
import type { Component } from '../component';
import { COMPONENTS } from '../components';
import { CONNECTIONS } from './traffic';

export interface NetworkPolicyChartProps extends DojotChartProps<PlatformContracts> {
  readonly profile: Profile;
  /** The components this profile deploys. */
  readonly deployed: readonly ChartedName[];
}

type Peer = k8s.NetworkPolicyPeer;

const NAME_LABEL = 'app.kubernetes.io/name';

/** The pods of a component: every pod of its chart carries its chart id as `app.kubernetes.io/name`. */
const podsOf = (c: ChartedName): Peer => ({ podSelector: { matchLabels: { [NAME_LABEL]: CHART_IDS[c] } } });

/** The port a NetworkPolicy names for a Service port: the container's (a Service's target). */
function policyPort(p: PortContract): k8s.NetworkPolicyPort {
  const target = p.targetPort ?? p.port;
  return {
    protocol: p.protocol ?? 'TCP',
    port: typeof target === 'number' ? k8s.IntOrString.fromNumber(target) : k8s.IntOrString.fromString(target),
  };
}

/** The components among `peers` as one selector (`app.kubernetes.io/name In [...]`), then the other peers. */
function compact(peers: readonly Peer[]): Peer[] {
  const named = (x: Peer) => x.podSelector?.matchLabels?.[NAME_LABEL];
  const names = peers.map(named).filter((n): n is string => !!n);
  const others = peers.filter((x) => !named(x));
  const components: Peer[] = names.length
    ? [{ podSelector: { matchExpressions: [{ key: NAME_LABEL, operator: 'In', values: [...names].sort() }] } }]
    : [];
  return [...components, ...others];
}

/** One rule per set of sources, with every port they may reach. */
function rules(service: ServiceContract, byRole: ReadonlyMap<string, Peer[]>): k8s.NetworkPolicyIngressRule[] {
  const bySources = new Map<string, { from: Peer[]; ports: k8s.NetworkPolicyPort[] }>();
  for (const [role, peers] of byRole) {
    const from = compact(peers);
    const key = JSON.stringify(from);
    const rule = bySources.get(key) ?? { from, ports: [] };
    rule.ports.push(policyPort(service.ports[role] as PortContract));
    bySources.set(key, rule);
  }
  return [...bySources.values()];
}

/**
 * Ingress is denied to every pod of the namespace but what a Service's clients need: one policy
 * per Service (named after it), allowing each port from the components that call it
 * (./traffic.ts), the API gateway from the routes, Prometheus from the monitoring namespace and the world on
 * the ports the load balancer forwards to (NodePorts). Egress is left open: the flows' HTTP,
 * e-mail and FTP nodes reach hosts only their users know.
 */
export class NetworkPolicyChart extends DojotChart<PlatformContracts> {
  constructor(scope: Construct, id: string, { profile: p, deployed, ...props }: NetworkPolicyChartProps) {
    super(scope, id, props);
    const contracts = this.contracts;
    const isDeployed = (c: ComponentName): c is ChartedName => (deployed as readonly string[]).includes(c);

    new k8s.KubeNetworkPolicy(this, 'DefaultDeny', {
      metadata: { name: 'default-deny-ingress' },
      spec: { podSelector: {}, policyTypes: ['Ingress'] },
    });

    // Allowed sources per Service and port role.
    const allowed = new Map<ServiceContract, Map<string, Peer[]>>();
    const allow = (service: ServiceContract, role: string, peer: Peer) => {
      if (!service.ports[role]) return;
      const byRole = allowed.get(service) ?? new Map<string, Peer[]>();
      allowed.set(service, byRole);
      const peers = byRole.get(role) ?? [];
      if (!peers.some((x) => JSON.stringify(x) === JSON.stringify(peer))) peers.push(peer);
      byRole.set(role, peers);
    };
    const serviceOf = (c: ComponentName, s: string) => (contracts[c].services as Record<string, ServiceContract>)[s];

    for (const conn of CONNECTIONS) {
      if (!isDeployed(conn.to)) continue;
      const service = serviceOf(conn.to, conn.service);
      for (const client of conn.from.filter(isDeployed)) for (const role of conn.ports) allow(service, role, podsOf(client));
    }

    // The API gateway reaches every Service a route of a deployed component names (the host and port of its upstream).
    const gateways = (COMPONENTS as readonly Component[])
      .filter((c) => c.callsRoutes && isDeployed(c.name as ComponentName))
      .map((c) => c.name as ChartedName);
    const byHost = deployed.flatMap((c) => Object.values(contracts[c].services as Record<string, ServiceContract>));
    for (const route of deployed.flatMap((c) => (contracts[c] as ComponentContract).routes ?? [])) {
      const url = new URL(route.upstream);
      const service = byHost.find((s) => s.name === url.hostname);
      if (!service) throw new Error(`route ${route.service}: no deployed Service ${url.hostname}`);
      const port = Number(url.port || 80);
      const role = Object.entries(service.ports).find(([, x]) => x?.port === port)?.[0];
      if (!role) throw new Error(`route ${route.service}: ${url.hostname} has no port ${port}`);
      for (const gateway of gateways) allow(service, role, podsOf(gateway));
    }

    // What the deployed components let in besides components (each component.ts, `admits`).
    for (const c of COMPONENTS.filter((x) => isDeployed(x.name))) {
      for (const a of (c as Component).admits?.(p) ?? []) for (const role of a.ports) allow(serviceOf(c.name, a.service), role, a.from);
    }

    // In the components' order, each Service's in its contract's, each port's in its Service's:
    // the output does not depend on the order the allowances were found in.
    const order = deployed.flatMap((c) => Object.values(contracts[c].services as Record<string, ServiceContract>));
    const byOrder = [...allowed].sort(([a], [b]) => order.indexOf(a) - order.indexOf(b));
    for (const [service, unordered] of byOrder) {
      const roles = Object.keys(service.ports);
      const byRole = new Map([...unordered].sort(([a], [b]) => roles.indexOf(a) - roles.indexOf(b)));
      new k8s.KubeNetworkPolicy(this, `Allow-${service.name}`, {
        metadata: { name: `${service.name}-ingress` },
        spec: {
          podSelector: { matchLabels: { ...service.selector } },
          policyTypes: ['Ingress'],
          ingress: rules(service, byRole),
        },
      });
    }

    // The ports behind the load balancer (NodePorts) take traffic from anywhere.
    for (const c of deployed) {
      for (const service of Object.values(contracts[c].services as Record<string, ServiceContract>)) {
        const exposed = Object.values(service.ports).filter((x): x is PortContract => !!x?.exposed);
        if (!exposed.length) continue;
        new k8s.KubeNetworkPolicy(this, `Public-${service.name}`, {
          metadata: { name: `${service.name}-public` },
          spec: {
            podSelector: { matchLabels: { ...service.selector } },
            policyTypes: ['Ingress'],
            ingress: [{ ports: exposed.map(policyPort) }],
          },
        });
      }
    }

    // Each deployed component's own policies, of traffic no Service carries (each component.ts, `ownPolicies`).
    for (const c of COMPONENTS.filter((x) => isDeployed(x.name)) as Component[]) {
      const ownPods = compact([podsOf(c.name as ChartedName)])[0];
      for (const own of c.ownPolicies?.(p, contracts[c.name as ChartedName], ownPods) ?? []) {
        new k8s.KubeNetworkPolicy(this, own.id, { metadata: { name: own.name }, spec: own.spec });
      }
    }
  }
}
