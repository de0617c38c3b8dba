import { deployedContracts } from '../../charts/flavours';
import { KUBE_API_PORT, entryPoints } from '../../load-balancer/entry-points';
import { lwm2mPorts } from '../../load-balancer/nginx-lwm2m';
import { exposures } from '../../lib/contract';
import { NODE_GROUP_LABEL, pinnedGroup } from '../../lib/placement';
import { LONG_RUNNING_KINDS } from '../../lib/pod-templates';
import { NODE_GROUPS, type Profile } from '../../profile/types';
import type { Manifest } from '../manifest';
import type { DotCluster, DotEdge, DotGraph, DotNode } from './dot';

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

const COLOURS = { loadBalancer: '#fdf2e3', service: '#e8f0fb', group: '#eef7ee', any: '#f4f4f4', controlPlane: '#f3eefa' } as const;

const idOf = {
  entry: (name: string) => `entry/${name}`,
  service: (name: string) => `service/${name}`,
  helm: (name: string) => `helm/${name}`,
  workload: (w: Workload) => `${w.kind}/${w.name}`,
};

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

/** The node groups' boxes, in the profile's order, then the pods no group pins. */
function groupClusters(p: Profile, workloads: readonly Workload[]): DotCluster[] {
  return [...NODE_GROUPS, ANY_NODE].flatMap((group) => {
    const members = workloads.filter((w) => w.group === group).sort((a, b) => a.name.localeCompare(b.name));
    if (!members.length) return [];
    const pinned = group !== ANY_NODE;
    const label = pinned
      ? `node group ${group}\n(${NODE_GROUP_LABEL}=${p.placement.nodeLabels[group as (typeof NODE_GROUPS)[number]]})`
      : 'on any node';
    return [
      {
        id: `group-${group.replace(/ /g, '-')}`,
        attributes: { label, style: 'rounded,filled', fillcolor: pinned ? COLOURS.group : COLOURS.any, color: '#8a8a8a' },
        nodes: members.map((w) => ({ id: idOf.workload(w), attributes: { label: workloadLabel(w) } })),
      },
    ];
  });
}

/** A port of the load balancer and the NodePort it forwards to. */
interface Entry {
  readonly entryPoint: string;
  readonly name: string;
  readonly port: number;
  readonly udp: boolean;
  readonly nodePort: number;
}

/** HAProxy's entry points, then nginx's for LwM2M: both read from the contracts. */
const entriesOf = (p: Profile): Entry[] => [
  ...entryPoints(p).map((e) => ({ entryPoint: e.name, name: e.name, port: e.port, udp: false, nodePort: e.nodePort })),
  ...lwm2mPorts(p).map((e) => ({ entryPoint: e.entryPoint, name: e.name, port: e.port, udp: e.protocol === 'udp', nodePort: e.nodePort })),
];

const BOX = { style: 'rounded', color: '#8a8a8a' } as const;

/** The load balancer's box: its entry points, and the API servers' port when it fronts them. */
function loadBalancerCluster(p: Profile, entries: readonly Entry[]): DotCluster {
  const nodes: DotNode[] = entries.map((e) => ({
    id: idOf.entry(e.entryPoint),
    attributes: { label: `${e.name}\n:${e.port}${e.udp ? '/udp' : ''}`, shape: 'cds' },
  }));
  if (p.loadBalancer.nodes.controlPlane.length)
    nodes.push({ id: idOf.entry('kube-api'), attributes: { label: `kube-api\n:${KUBE_API_PORT}`, shape: 'cds' } });
  const label = `load balancer\n(HAProxy${lwm2mPorts(p).length ? ', nginx for LwM2M' : ''})`;
  return { id: 'load-balancer', attributes: { label, ...BOX, style: 'rounded,filled', fillcolor: COLOURS.loadBalancer }, nodes };
}

/** The control plane's box, which the load balancer's kube-api port leads to. */
function controlPlane(p: Profile): { cluster: DotCluster; edge: DotEdge } {
  const servers = {
    id: 'control-plane/api-servers',
    attributes: {
      label: `API servers\n(${p.loadBalancer.nodes.controlPlane.length} control-plane nodes)`,
      fillcolor: COLOURS.controlPlane,
    },
  };
  return {
    cluster: { id: 'control-plane', attributes: { label: 'control plane', ...BOX }, nodes: [servers] },
    edge: { from: idOf.entry('kube-api'), to: servers.id, attributes: { label: `:${KUBE_API_PORT}` } },
  };
}

/**
 * The picture of a synth (`dist/topology.svg`): the load balancer's entry points on the left,
 * the NodePort Services they lead to, and the workloads those select, in boxes per node group
 * with their replicas. Every fact comes from the contracts and the synthesized objects.
 */
export function topologyGraph(p: Profile, manifests: readonly Manifest[]): DotGraph {
  const workloads = workloadsOf(p, manifests);
  const exposed = exposures(deployedContracts(p));
  const entries = entriesOf(p);
  const services = [...new Map(exposed.map((x) => [x.service.name, x.service])).values()];
  // A Service the output does not hold is made by the Helm chart of dist/helm (Grafana's).
  const written = new Set(
    manifests
      .flatMap((m) => m.objects as { kind: string; metadata: { name: string } }[])
      .filter((o) => o.kind === 'Service')
      .map((o) => o.metadata.name),
  );
  const byHelm = services.filter((s) => !written.has(s.name));

  const serviceNodes: DotNode[] = services.map((s) => ({
    id: idOf.service(s.name),
    attributes: {
      label: [
        `Service ${s.name}`,
        ...(byHelm.includes(s) ? [`(namespace ${p.metrics.namespace}, made by Helm)`] : []),
        ...exposed
          .filter((x) => x.service === s)
          .map((x) => `${x.port.port}${x.port.protocol === 'UDP' ? '/udp' : ''} → NodePort ${x.exposure.nodePort}`),
      ].join('\n'),
      shape: 'box',
      style: 'filled',
      fillcolor: COLOURS.service,
    },
  }));
  const edges: DotEdge[] = entries.flatMap((e) => {
    const s = exposed.find((x) => x.exposure.entryPoint === e.entryPoint)?.service;
    return s ? [{ from: idOf.entry(e.entryPoint), to: idOf.service(s.name), attributes: { label: `NodePort ${e.nodePort}` } }] : [];
  });
  for (const s of byHelm) edges.push({ from: idOf.service(s.name), to: idOf.helm(s.name) });
  for (const s of services) {
    const selected = workloads.filter((w) => Object.entries(s.selector).every(([k, v]) => w.podLabels[k] === v));
    edges.push(...selected.map((w) => ({ from: idOf.service(s.name), to: idOf.workload(w) })));
  }

  const clusters: DotCluster[] = [];
  if (entries.length) clusters.push(loadBalancerCluster(p, entries));
  clusters.push({ id: 'services', attributes: { label: 'NodePort Services', ...BOX }, nodes: serviceNodes });
  if (p.loadBalancer.nodes.controlPlane.length) {
    const c = controlPlane(p);
    clusters.push(c.cluster);
    edges.push(c.edge);
  }
  if (byHelm.length) {
    const nodes = byHelm.map((s) => ({ id: idOf.helm(s.name), attributes: { label: `${s.name}\n(its chart's pods)` } }));
    clusters.push({
      id: 'helm',
      attributes: {
        label: `namespace ${p.metrics.namespace}: kube-prometheus-stack\n(helm install -f dist/helm)`,
        ...BOX,
        style: 'rounded,dashed',
      },
      nodes,
    });
  }
  const groups = groupClusters(p, workloads);
  clusters.push(...groups);
  edges.push(...layoutEdges(groups, serviceNodes[0]));

  return {
    attributes: {
      rankdir: 'LR',
      ranksep: '0.9',
      nodesep: '0.25',
      fontname: 'Arial',
      fontsize: 14,
      label: `dojot ${p.version}, ${p.flavour} flavour, namespace ${p.namespace}`,
      labelloc: 'b',
      pad: '0.3',
    },
    nodeDefaults: { shape: 'box', style: 'rounded,filled', fillcolor: 'white', fontname: 'Arial', fontsize: 11, margin: '0.15,0.06' },
    edgeDefaults: { fontname: 'Arial', fontsize: 10, color: '#555555' },
    // The picture's title goes below it (edges arc over the top); each box keeps its title on top.
    clusters: clusters.map((c) => ({ ...c, attributes: { labelloc: 't', ...c.attributes } })),
    nodes: [],
    edges,
  };
}

/**
 * Invisible edges that only place things: every group right of the Services (`anchor`), not
 * beside the load balancer, even when no Service leads to it; a large group in columns of at
 * most COLUMN_ROWS, each workload one rank right of the one a column above it.
 */
function layoutEdges(groups: readonly DotCluster[], anchor: DotNode | undefined): DotEdge[] {
  const invisible = { style: 'invis' };
  const edges: DotEdge[] = anchor ? groups.map((g) => ({ from: anchor.id, to: g.nodes[0].id, attributes: invisible })) : [];
  for (const g of groups)
    g.nodes.slice(COLUMN_ROWS).forEach((n, i) => {
      edges.push({ from: g.nodes[i].id, to: n.id, attributes: invisible });
    });
  return edges;
}
