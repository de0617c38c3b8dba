import { JsonPatch } from 'cdk8s';
import { k8s } from 'cdk8s-plus-27';
import type { ContainerResources, ResourceTable } from '../profile/resources';
import type { PodTemplateOf } from './pod-templates';

const q = (v: string) => k8s.Quantity.fromString(v);

/**
 * The Kubernetes form of a table entry: requests for both, a limit for memory only. As Quantity
 * objects: the generated workload classes convert the patched props, and would turn strings into null.
 */
export const resourceRequirements = (r: ContainerResources): k8s.ResourceRequirements => ({
  requests: { cpu: q(r.cpu), memory: q(r.memory) },
  limits: { memory: q(r.memoryLimit) },
});

/**
 * Gives every container and init container of the chart's workloads its requests and memory
 * limit from `table`, by workload and container name. A container the table does not size is a
 * defect of this repository (profile/resources.ts lists them all), not of the profile.
 */
export function applyResources(workloads: readonly PodTemplateOf[], table: ResourceTable): void {
  for (const { object: o, pod } of workloads) {
    const sizes = Object.hasOwn(table, o.name) ? table[o.name] : undefined;
    for (const field of ['initContainers', 'containers'] as const) {
      (pod[field] ?? []).forEach((c, i) => {
        const size = sizes && Object.hasOwn(sizes, c.name) ? sizes[c.name] : undefined;
        if (!size) throw new Error(`no resources for container ${c.name} of ${o.kind} ${o.name}: add it to profile/resources.ts`);
        o.addJsonPatch(JsonPatch.add(`/spec/template/spec/${field}/${i}/resources`, resourceRequirements(size)));
      });
    }
  }
}
