import { entryPoints } from '../haproxy/entry-points';
import { lwm2mPorts } from '../haproxy/nginx-lwm2m';
import { NODE_GROUP_LABEL } from '../lib/placement';
import { NODE_GROUPS, type Profile } from '../profile/types';
import type { Manifest } from './synthesize';

const WORKLOAD_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet'];

/** The chart's name in a manifest's file name (`0007-kong.k8s.yaml` → `kong`). */
const chartOf = (file: string) => file.replace(/^.*\//, '').replace(/^\d{4}-/, '').replace(/\.k8s\.yaml$/, '');

/**
 * What a synth made, in a few lines for the operator: objects per chart, the workloads of each
 * node group with their replicas, and the entry points with their ports and NodePorts. (The fit
 * of the requests per group is printed by the capacity check.)
 */
export function summarize(p: Profile, manifests: readonly Manifest[]): string[] {
  const objects = manifests.reduce((n, m) => n + m.objects.length, 0);
  const lines = [`${objects} objects in ${manifests.length} files: ${manifests.map((m) => `${chartOf(m.file)} ${m.objects.length}`).join(', ')}`];

  const groupOf = new Map(NODE_GROUPS.map((g) => [p.placement.nodeLabels[g], g as string]));
  const byGroup = new Map<string, string[]>();
  for (const o of manifests.flatMap((m) => m.objects) as { kind: string; metadata: { name: string }; spec?: any }[]) {
    if (!WORKLOAD_KINDS.includes(o.kind)) continue;
    const terms = o.spec?.template?.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
    const label = terms[0]?.matchExpressions?.find((e: { key: string }) => e.key === NODE_GROUP_LABEL)?.values?.[0];
    const group = (label && groupOf.get(label)) ?? 'any node';
    byGroup.set(group, [...(byGroup.get(group) ?? []), `${o.metadata.name} x${o.spec.replicas ?? 1}`]);
  }
  for (const [group, workloads] of [...byGroup].sort(([a], [b]) => a.localeCompare(b))) lines.push(`${group}: ${workloads.join(', ')}`);

  const entries = [
    ...entryPoints(p).map((e) => `${e.name} ${e.port} -> NodePort ${e.nodePort}`),
    ...lwm2mPorts(p).map((e) => `${e.name} ${e.port}/${e.protocol} -> NodePort ${e.nodePort}`),
  ];
  if (entries.length) lines.push(`entry points${p.nodePorts.fixed ? '' : ' (NodePorts not fixed: Kubernetes picks them)'}: ${entries.join(', ')}`);
  return lines;
}
