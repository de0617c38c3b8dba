import { entryPoints } from '../load-balancer/entry-points';
import { lwm2mPorts } from '../load-balancer/nginx-lwm2m';
import { pinnedGroup } from '../lib/placement';
import { LONG_RUNNING_KINDS } from '../lib/pod-templates';
import type { Profile } from '../profile/types';
import type { Manifest } from './manifest';

/** The chart's name in a manifest's file name (`0007-<chart>.k8s.yaml` → `<chart>`). */
const chartOf = (file: string) =>
  file
    .replace(/^.*\//, '')
    .replace(/^\d{4}-/, '')
    .replace(/\.k8s\.yaml$/, '');

/**
 * What a synth made, in a few lines for the operator: objects per chart, the workloads of each
 * node group with their replicas, and the entry points with their ports and NodePorts. (The fit
 * of the requests per group is printed by the capacity check.)
 */
export function summarize(p: Profile, manifests: readonly Manifest[]): string[] {
  const objects = manifests.reduce((n, m) => n + m.objects.length, 0);
  const lines = [
    `${objects} objects in ${manifests.length} files: ${manifests.map((m) => `${chartOf(m.file)} ${m.objects.length}`).join(', ')}`,
  ];

  const byGroup = new Map<string, string[]>();
  // biome-ignore lint/suspicious/noExplicitAny: the synthesized objects, plain data read by their shape
  for (const o of manifests.flatMap((m) => m.objects) as { kind: string; metadata: { name: string }; spec?: any }[]) {
    if (!LONG_RUNNING_KINDS.includes(o.kind)) continue;
    const group = pinnedGroup(o.spec?.template?.spec, p.placement) ?? 'any node';
    byGroup.set(group, [...(byGroup.get(group) ?? []), `${o.metadata.name} x${o.spec.replicas ?? 1}`]);
  }
  for (const [group, workloads] of [...byGroup].sort(([a], [b]) => a.localeCompare(b))) lines.push(`${group}: ${workloads.join(', ')}`);

  const entries = [
    ...entryPoints(p).map((e) => `${e.name} ${e.port} -> NodePort ${e.nodePort}`),
    ...lwm2mPorts(p).map((e) => `${e.name} ${e.port}/${e.protocol} -> NodePort ${e.nodePort}`),
  ];
  if (entries.length)
    lines.push(`entry points${p.nodePorts.fixed ? '' : ' (NodePorts not fixed: Kubernetes picks them)'}: ${entries.join(', ')}`);
  return lines;
}
