import { deployedContracts } from '../../charts/flavours';
import { KUBE_API_PORT, entryPoints } from '../../load-balancer/entry-points';
import { lwm2mPorts } from '../../load-balancer/nginx-lwm2m';
import { type ServiceContract, exposures } from '../../lib/contract';
import { NODE_GROUP_LABEL, pinnedGroup } from '../../lib/placement';
import { LONG_RUNNING_KINDS } from '../../lib/pod-templates';
import { LB_GROUPS, type LbGroup } from '../../profile/load-balancer';
import { type Machines, NODE_GROUPS, type Profile } from '../../profile/types';
import type { Manifest } from '../manifest';
import type { DotCluster, DotEdge, DotGraph, DotNode } from './dot';
import { LAYOUT_FONT } from './fonts';

/** A long-running workload as the picture shows it. */
interface Workload {
  readonly kind: string;
  readonly name: string;
  readonly replicas: number;
  readonly group: string;
  readonly podLabels: Readonly<Record<string, string>>;
}

/** The most workloads a group shows one above the other, before it starts another column. */
const COLUMN_ROWS = 8;

/** Pods that no node-group affinity pins. */
const ANY_NODE = 'any node';

/** The addresses a line shows, and the most a box lists before it says how many more there are. */
const ADDRESSES_PER_LINE = 3;
const MOST_ADDRESSES = 9;

/** What Kubernetes does with a NodePort the profile does not fix (`nodePorts.fixed` false). */
export const UNFIXED_NODE_PORT = 'assigned by Kubernetes';

const COLOURS = { loadBalancer: '#fdf2e3', service: '#e8f0fb', group: '#eef7ee', any: '#f4f4f4', controlPlane: '#f3eefa' } as const;

const idOf = {
  entry: (name: string) => `entry/${name}`,
  service: (name: string) => `service/${name}`,
  helm: (name: string) => `helm/${name}`,
  workload: (w: Workload) => `${w.kind}/${w.name}`,
  group: (group: string) => `group-${group.replace(/ /g, '-')}`,
};
const HELM_CLUSTER = 'helm';

/** Code-unit order: the same in every locale (localeCompare follows the process's). */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** The workloads of the manifests `kubectl apply -f dist` reads, with the node group each is pinned to. */
function workloadsOf(p: Profile, manifests: readonly Manifest[]): Workload[] {
  return (
    manifests
      .filter((m) => !m.file.includes('/'))
      // biome-ignore lint/suspicious/noExplicitAny: the synthesized objects, plain data read by their shape
      .flatMap((m) => m.objects as { kind: string; metadata: { name: string }; spec?: any }[])
      .filter((o) => LONG_RUNNING_KINDS.includes(o.kind))
      .map((o) => ({
        kind: o.kind,
        name: o.metadata.name,
        // A DaemonSet runs one pod per node of its group: no count to show.
        replicas: o.kind === 'DaemonSet' ? 0 : (o.spec?.replicas ?? 1),
        group: pinnedGroup(o.spec?.template?.spec, p.placement) ?? ANY_NODE,
        podLabels: o.spec?.template?.metadata?.labels ?? {},
      }))
  );
}

const workloadLabel = (w: Workload) => `${w.name}\n${w.kind}${w.replicas ? ` × ${w.replicas}` : ' (every node)'}`;

/** A port of the load balancer, the NodePort it forwards to, and the inventory group of its nodes. */
interface Entry {
  readonly entryPoint: string;
  readonly name: string;
  readonly port: number;
  readonly udp: boolean;
  readonly nodePort: number;
  readonly group: LbGroup;
}

/** HAProxy's entry points and nginx's for LwM2M, both read from the contracts. */
const entriesOf = (p: Profile): Entry[] => [
  ...entryPoints(p).map((e) => ({ entryPoint: e.name, name: e.name, port: e.port, udp: false, nodePort: e.nodePort, group: e.group })),
  ...lwm2mPorts(p).map((e) => ({
    entryPoint: e.entryPoint,
    name: e.name,
    port: e.port,
    udp: e.protocol === 'udp',
    nodePort: e.nodePort,
    group: 'lwm2m' as const,
  })),
];

/** An inventory gave the load balancer's nodes (synth refuses one that lacks a group an entry point needs). */
const hasInventory = (p: Profile) => Object.values(p.loadBalancer.nodes).some((n) => n.length > 0);

const nodePortText = (nodePort: number, fixed: boolean) => `NodePort ${fixed ? nodePort : UNFIXED_NODE_PORT}`;

/**
 * The lines that list an inventory's addresses: each load-balancer group's (`mqtt_nodes: ...`),
 * groups with the same addresses on one line, a few addresses a line, the rest counted.
 */
function addressLines(p: Profile, groups: readonly LbGroup[]): string[] {
  const byAddresses = new Map<string, { names: string[]; addresses: readonly string[] }>();
  for (const g of groups) {
    const addresses = p.loadBalancer.nodes[g];
    if (!addresses.length) continue;
    const key = addresses.join(' ');
    const same = byAddresses.get(key) ?? { names: [], addresses };
    same.names.push(LB_GROUPS[g]);
    byAddresses.set(key, same);
  }
  return [...byAddresses.values()].flatMap(({ names, addresses }) => {
    const shown = addresses.slice(0, MOST_ADDRESSES);
    const lines: string[] = [];
    for (let i = 0; i < shown.length; i += ADDRESSES_PER_LINE) lines.push(shown.slice(i, i + ADDRESSES_PER_LINE).join(', '));
    lines[0] = `${names.join(', ')}: ${lines[0]}`;
    if (addresses.length > shown.length) lines.push(`and ${addresses.length - shown.length} more`);
    return lines;
  });
}

/** A node group's machines as the profile gives them (capacity.machines; a count validates with a size): count and size. */
const machinesLine = (m: Machines) =>
  m.count > 0 ? `${plural(m.count, 'machine')}: ${plural(m.cores, 'core')}, ${m.memory}${m.count > 1 ? ' each' : ''}` : undefined;

/** The distinct addresses of some load-balancer groups. */
const addressesOf = (p: Profile, groups: readonly LbGroup[]) => new Set(groups.flatMap((g) => p.loadBalancer.nodes[g]));

/**
 * The node groups' boxes, in the profile's order, then the pods no group pins. A group's box says
 * its machines (count and size from capacity.machines, or the count of the inventory's addresses
 * that lead to it) and the addresses of the inventory's groups whose traffic ends in it.
 */
function groupClusters(p: Profile, workloads: readonly Workload[], lbGroupsOf: (cluster: string) => LbGroup[]): DotCluster[] {
  return [...NODE_GROUPS, ANY_NODE].flatMap((group) => {
    const members = workloads.filter((w) => w.group === group).sort((a, b) => byText(a.name, b.name));
    if (!members.length) return [];
    const id = idOf.group(group);
    const lbGroups = lbGroupsOf(id);
    const lines: string[] = [];
    if (group === ANY_NODE) lines.push('on any node');
    else {
      const machines = p.capacity.machines[group as (typeof NODE_GROUPS)[number]];
      const counted = addressesOf(p, lbGroups).size;
      lines.push(
        `node group ${group}`,
        `(${NODE_GROUP_LABEL}=${p.placement.nodeLabels[group as (typeof NODE_GROUPS)[number]]})`,
        machinesLine(machines) ?? (counted ? `${plural(counted, 'machine')} in the inventory` : ''),
      );
    }
    lines.push(...addressLines(p, lbGroups));
    return [
      {
        id,
        attributes: {
          label: lines.filter(Boolean).join('\n'),
          style: 'rounded,filled',
          fillcolor: group === ANY_NODE ? COLOURS.any : COLOURS.group,
          color: '#8a8a8a',
        },
        nodes: members.map((w) => ({ id: idOf.workload(w), attributes: { label: workloadLabel(w) } })),
      },
    ];
  });
}

const BOX = { style: 'rounded', color: '#8a8a8a' } as const;
/** The entry points' arrow shape, tall enough for its two lines: Graphviz draws `cds` a third lower than its node. */
const ENTRY_SHAPE = { shape: 'cds', margin: '0.15,0.15' } as const;

/** The load balancer's box: its entry points in port order, one above the other, the API servers' among them when it fronts them. */
function loadBalancerCluster(p: Profile, entries: readonly Entry[]): DotCluster {
  const ports = entries.map((e) => ({ id: idOf.entry(e.entryPoint), name: e.name, port: e.port, udp: e.udp }));
  if (p.loadBalancer.nodes.controlPlane.length)
    ports.push({ id: idOf.entry('kube-api'), name: 'kube-api', port: KUBE_API_PORT, udp: false });
  ports.sort((a, b) => a.port - b.port || byText(a.name, b.name));
  const nodes: DotNode[] = ports.map((e) => ({
    id: e.id,
    attributes: { label: `${e.name}\n:${e.port}${e.udp ? '/udp' : ''}`, ...ENTRY_SHAPE },
  }));
  const label = `load balancer\n(HAProxy${lwm2mPorts(p).length ? ', nginx for LwM2M' : ''})`;
  return {
    id: 'load-balancer',
    attributes: { label, ...BOX, style: 'rounded,filled', fillcolor: COLOURS.loadBalancer },
    nodes,
    sameRank: true,
  };
}

/** The control plane's box, which the load balancer's kube-api port leads to. */
function controlPlane(p: Profile): { cluster: DotCluster; edge: DotEdge } {
  const servers = {
    id: 'control-plane/api-servers',
    attributes: {
      label: [
        `API servers`,
        `(${plural(p.loadBalancer.nodes.controlPlane.length, 'control-plane node')})`,
        ...addressLines(p, ['controlPlane']),
      ].join('\n'),
      fillcolor: COLOURS.controlPlane,
    },
  };
  return {
    cluster: { id: 'control-plane', attributes: { label: 'control plane', ...BOX }, nodes: [servers] },
    edge: { from: idOf.entry('kube-api'), to: servers.id, attributes: { label: `:${KUBE_API_PORT}` } },
  };
}

/**
 * The picture of a synth (`dist/topology.svg`): the load balancer's entry points on the left, in
 * port order (only with an inventory: without one no load balancer is written), the NodePort
 * Services they lead to, and the workloads those select, in boxes per node group with their
 * replicas and machines. Every fact comes from the contracts, the profile and the synthesized
 * objects: a NodePort the profile does not fix is shown as Kubernetes', with no number.
 */
export function topologyGraph(p: Profile, manifests: readonly Manifest[]): DotGraph {
  const workloads = workloadsOf(p, manifests);
  const exposed = exposures(deployedContracts(p));
  const entries = entriesOf(p);
  const withLoadBalancer = hasInventory(p);
  // A Service the output does not hold is made by the Helm chart of dist/helm (Grafana's).
  const written = new Set(
    manifests
      .flatMap((m) => m.objects as { kind: string; metadata: { name: string } }[])
      .filter((o) => o.kind === 'Service')
      .map((o) => o.metadata.name),
  );
  const exposureOf = (e: Entry) => exposed.find((x) => x.exposure.entryPoint === e.entryPoint);
  const serviceOf = (e: Entry) => exposureOf(e)?.service;
  // The Services in the order of the lowest port that leads to each (the layout's first order), then those no entry point leads to.
  const services = [...new Map(exposed.map((x) => [x.service.name, x.service])).values()]
    .map((s, i) => ({ s, i, first: Math.min(...entries.filter((e) => serviceOf(e) === s).map((e) => e.port)) }))
    .sort((a, b) => (a.first === b.first ? a.i - b.i : a.first - b.first))
    .map(({ s }) => s);
  const byHelm = services.filter((s) => !written.has(s.name));
  const selected = (s: ServiceContract) => workloads.filter((w) => Object.entries(s.selector).every(([k, v]) => w.podLabels[k] === v));

  // The box each inventory group's traffic ends in, when it ends in one: that box lists its addresses.
  const boxesOf = (g: LbGroup) =>
    new Set(
      entries
        .filter((e) => e.group === g)
        .flatMap((e) => {
          const s = serviceOf(e);
          if (!s) return [];
          return byHelm.includes(s) ? [HELM_CLUSTER] : selected(s).map((w) => idOf.group(w.group));
        }),
    );
  const lbGroupsOf = (cluster: string) =>
    withLoadBalancer
      ? (Object.keys(LB_GROUPS) as LbGroup[]).filter((g) => {
          const boxes = boxesOf(g);
          return boxes.size === 1 && boxes.has(cluster);
        })
      : [];

  const serviceNodes: DotNode[] = services.map((s) => ({
    id: idOf.service(s.name),
    attributes: {
      label: [
        `Service ${s.name}`,
        ...(byHelm.includes(s) ? [`(namespace ${p.metrics.namespace}, made by Helm)`] : []),
        ...exposed
          .filter((x) => x.service === s)
          .sort((a, b) => a.port.port - b.port.port)
          .map((x) => `${x.port.port}${x.port.protocol === 'UDP' ? '/udp' : ''} → ${nodePortText(x.exposure.nodePort, x.exposure.fixed)}`),
      ].join('\n'),
      shape: 'box',
      style: 'filled',
      fillcolor: COLOURS.service,
    },
  }));
  const edges: DotEdge[] = [];
  if (withLoadBalancer)
    for (const e of entries) {
      const x = exposureOf(e);
      if (x)
        edges.push({
          from: idOf.entry(e.entryPoint),
          to: idOf.service(x.service.name),
          attributes: { label: nodePortText(e.nodePort, x.exposure.fixed) },
        });
    }
  for (const s of byHelm) edges.push({ from: idOf.service(s.name), to: idOf.helm(s.name) });
  for (const s of services) edges.push(...selected(s).map((w) => ({ from: idOf.service(s.name), to: idOf.workload(w) })));

  const clusters: DotCluster[] = [];
  if (withLoadBalancer && (entries.length || p.loadBalancer.nodes.controlPlane.length)) clusters.push(loadBalancerCluster(p, entries));
  clusters.push({ id: 'services', attributes: { label: 'NodePort Services', ...BOX }, nodes: serviceNodes });
  if (withLoadBalancer && p.loadBalancer.nodes.controlPlane.length) {
    const c = controlPlane(p);
    clusters.push(c.cluster);
    edges.push(c.edge);
  }
  if (byHelm.length) {
    const nodes = byHelm.map((s) => ({ id: idOf.helm(s.name), attributes: { label: `${s.name}\n(its chart's pods)` } }));
    clusters.push({
      id: HELM_CLUSTER,
      attributes: {
        label: [
          `namespace ${p.metrics.namespace}: kube-prometheus-stack`,
          '(helm install -f dist/helm)',
          ...addressLines(p, lbGroupsOf(HELM_CLUSTER)),
        ].join('\n'),
        ...BOX,
        style: 'rounded,dashed',
      },
      nodes,
    });
  }
  const groups = groupClusters(p, workloads, lbGroupsOf);
  clusters.push(...groups);
  edges.push(...layoutEdges(clusters, groups, serviceNodes[0]));

  const caption = `dojot ${p.version}, ${p.flavour} flavour, namespace ${p.namespace}`;
  return {
    attributes: {
      rankdir: 'LR',
      // No second pass of crossing minimization over the whole graph: it breaks the order the
      // flat edges give a rank (the entry points'), and it was most of the layout's time.
      remincross: 'false',
      ranksep: '0.9',
      nodesep: '0.25',
      fontname: LAYOUT_FONT,
      fontsize: 14,
      label: withLoadBalancer ? caption : `${caption}\n(no inventory: no load balancer)`,
      labelloc: 'b',
      pad: '0.3',
    },
    nodeDefaults: { shape: 'box', style: 'rounded,filled', fillcolor: 'white', fontname: LAYOUT_FONT, fontsize: 11, margin: '0.15,0.06' },
    edgeDefaults: { fontname: LAYOUT_FONT, fontsize: 10, color: '#555555' },
    // The picture's title goes below it (edges arc over the top); each box keeps its title on top.
    clusters: clusters.map((c) => ({ ...c, attributes: { labelloc: 't', ...c.attributes } })),
    nodes: [],
    edges,
  };
}

/**
 * Invisible edges that only place things: a box's nodes of one rank in their order (the entry
 * points, top to bottom in port order); every group right of the Services (`anchor`), not beside
 * the load balancer, even when no Service leads to it; a large group in columns of at most
 * COLUMN_ROWS, each workload one rank right of the one a column above it.
 */
function layoutEdges(clusters: readonly DotCluster[], groups: readonly DotCluster[], anchor: DotNode | undefined): DotEdge[] {
  const invisible = { style: 'invis' };
  const edges: DotEdge[] = [];
  // Graphviz puts the head of a flat edge left of its tail, which a left-to-right graph turns into above.
  for (const c of clusters.filter((x) => x.sameRank))
    c.nodes.slice(1).forEach((n, i) => {
      edges.push({ from: n.id, to: c.nodes[i].id, attributes: invisible });
    });
  if (anchor) edges.push(...groups.map((g) => ({ from: anchor.id, to: g.nodes[0].id, attributes: invisible })));
  for (const g of groups)
    g.nodes.slice(COLUMN_ROWS).forEach((n, i) => {
      edges.push({ from: g.nodes[i].id, to: n.id, attributes: invisible });
    });
  return edges;
}
