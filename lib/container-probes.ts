import { JsonPatch } from 'cdk8s';
import type { HealthTable } from '../charts/health-probes';
import { LONG_RUNNING_KINDS, type PodTemplateOf } from './pod-templates';

/**
 * Gives every container of the chart's long-running workloads its health checks from `table`.
 * A container the table does not list, or whose chart says it has its own probes but has none,
 * is a defect of this repository (charts/health-probes.ts), not of the profile.
 */
export function applyHealthChecks(workloads: readonly PodTemplateOf[], table: HealthTable): void {
  for (const { object: o, pod } of workloads.filter((w) => LONG_RUNNING_KINDS.includes(w.object.kind))) {
    const containers = pod.containers;
    const entries = Object.hasOwn(table, o.name) ? table[o.name] : undefined;
    containers.forEach((c, i) => {
      const entry = entries && Object.hasOwn(entries, c.name) ? entries[c.name] : undefined;
      if (!entry) throw new Error(`no health checks for container ${c.name} of ${o.kind} ${o.name}: add it to charts/health-probes.ts`);
      if ('none' in entry) return;
      if ('own' in entry) {
        if (!c.readinessProbe || !c.livenessProbe) throw new Error(`${o.kind} ${o.name}: container ${c.name} should set its own probes (${entry.own})`);
        return;
      }
      const at = `/spec/template/spec/containers/${i}`;
      o.addJsonPatch(JsonPatch.add(`${at}/readinessProbe`, entry.readiness), JsonPatch.add(`${at}/livenessProbe`, entry.liveness));
      if (entry.startup) o.addJsonPatch(JsonPatch.add(`${at}/startupProbe`, entry.startup));
    });
  }
}
