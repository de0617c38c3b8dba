import { pinnedGroup } from '../lib/placement';
import { WORKLOAD_KINDS } from '../lib/pod-templates';
import { gib, parseQuantity } from '../profile/quantity';
import { ProfileError } from '../profile/problems';
import { NODE_GROUPS, type NodeGroup, type Profile } from '../profile/types';

interface ContainerJson {
  readonly resources?: { readonly requests?: { readonly cpu?: string; readonly memory?: string } };
}

/** What a workload asks of the nodes in all: its pods' requests times its replicas. */
export interface WorkloadDemand {
  readonly kind: string;
  readonly name: string;
  /** The node group it is pinned to, or undefined when it may run anywhere. */
  readonly group?: NodeGroup;
  readonly cpu: number;
  readonly memory: number;
}

/** One node group's requests against what its machines offer once the reserved share is kept. */
export interface GroupFit {
  readonly group: NodeGroup | 'all';
  readonly workloads: readonly string[];
  readonly cpu: number;
  readonly memory: number;
  readonly cpuAvailable: number;
  readonly memoryAvailable: number;
  readonly fits: boolean;
}

/** A pod's requests: its containers together, or its largest init container if that is more (they run before, one at a time). */
function podRequests(spec: { containers?: ContainerJson[]; initContainers?: ContainerJson[] }, field: 'cpu' | 'memory'): number {
  const of = (c: ContainerJson) => parseQuantity(c.resources?.requests?.[field] ?? '0');
  const main = (spec.containers ?? []).reduce((sum, c) => sum + of(c), 0);
  return Math.max(main, ...(spec.initContainers ?? []).map(of));
}

/** Each workload's demand, from the synthesized objects. Jobs count as running: they do while the platform starts. */
export function workloadDemands(objects: readonly Record<string, unknown>[], p: Profile): WorkloadDemand[] {
  // biome-ignore lint/suspicious/noExplicitAny: plain JSON, walked by its shape
  return (objects as any[])
    .filter((o) => (WORKLOAD_KINDS as readonly string[]).includes(o.kind) && o.spec?.template?.spec)
    .map((o) => {
      const spec = o.spec.template.spec;
      const pods = o.kind === 'Job' ? (o.spec.parallelism ?? 1) : (o.spec.replicas ?? 1);
      return {
        kind: o.kind,
        name: o.metadata.name,
        group: pinnedGroup(spec, p.placement),
        cpu: pods * podRequests(spec, 'cpu'),
        memory: pods * podRequests(spec, 'memory'),
      };
    });
}

/**
 * The fit per node group when workloads are pinned to groups (node affinity on), or of all the
 * workloads on all the machines otherwise. Groups whose machines are unknown (count 0) are skipped.
 */
export function capacityFit(demands: readonly WorkloadDemand[], p: Profile): GroupFit[] {
  const usable = 1 - p.capacity.reservedPercent / 100;
  const offer = (groups: readonly NodeGroup[]) => ({
    cpuAvailable: groups.reduce((s, g) => s + p.capacity.machines[g].count * p.capacity.machines[g].cores, 0) * usable,
    memoryAvailable: groups.reduce((s, g) => s + p.capacity.machines[g].count * parseQuantity(p.capacity.machines[g].memory), 0) * usable,
  });
  const groupFit = (group: NodeGroup | 'all', ds: readonly WorkloadDemand[], groups: readonly NodeGroup[]): GroupFit => {
    const cpu = ds.reduce((s, d) => s + d.cpu, 0);
    const memory = ds.reduce((s, d) => s + d.memory, 0);
    const o = offer(groups);
    return {
      group,
      workloads: ds.map((d) => d.name),
      cpu,
      memory,
      ...o,
      fits: cpu <= o.cpuAvailable + 1e-9 && memory <= o.memoryAvailable,
    };
  };
  const known = NODE_GROUPS.filter((g) => p.capacity.machines[g].count > 0);
  if (!p.placement.nodeAffinity) return known.length === NODE_GROUPS.length ? [groupFit('all', demands, NODE_GROUPS)] : [];
  return known.map((g) =>
    groupFit(
      g,
      demands.filter((d) => d.group === g),
      [g],
    ),
  );
}

const percent = (used: number, available: number) => (available > 0 ? `${Math.round((100 * used) / available)}%` : 'n/a');

/** One line per group, as synth prints it. */
export function describeFit(f: GroupFit): string {
  return (
    `${f.group}: cpu ${f.cpu.toFixed(2)} of ${f.cpuAvailable.toFixed(2)} cores (${percent(f.cpu, f.cpuAvailable)}), ` +
    `memory ${gib(f.memory)} of ${gib(f.memoryAvailable)} (${percent(f.memory, f.memoryAvailable)})${f.fits ? '' : ': does not fit'}`
  );
}

/**
 * Checks the requests against the machines: returns the lines to print, and throws a
 * ProfileError when a group does not fit and the profile says to refuse.
 */
export function checkCapacity(objects: readonly Record<string, unknown>[], p: Profile): string[] {
  const demands = workloadDemands(objects, p);
  const fits = capacityFit(demands, p);
  if (!fits.length) return [];
  const usable = `${100 - p.capacity.reservedPercent}%`;
  const lines = [
    `requests against ${usable} of the machines (capacity.reservedPercent keeps the rest):`,
    ...fits.map((f) => `  ${describeFit(f)}`),
  ];
  const unpinned = p.placement.nodeAffinity ? demands.filter((d) => !d.group).map((d) => d.name) : [];
  if (unpinned.length) lines.push(`  not pinned to a group, so not counted: ${unpinned.join(', ')}`);
  const over = fits.filter((f) => !f.fits);
  if (!over.length) return lines;
  const problems = over.map((f) => ({
    path: f.group === 'all' ? 'capacity.machines' : `capacity.machines.${f.group}`,
    // The sizes are what the workloads need (README, Sizing): the way out is machines, not smaller numbers.
    message: `the requests exceed the machines: ${describeFit(f)}, for ${f.workloads.join(', ')}; give the group larger or more machines (capacity.machines${f.group === 'all' ? '' : `.${f.group}`}), or set capacity.onExcess: warn to deploy anyway`,
  }));
  if (p.capacity.onExcess === 'refuse') throw new ProfileError('capacity check', problems);
  return [...lines, ...problems.map((x) => `warning: ${x.path}: ${x.message}`)];
}
