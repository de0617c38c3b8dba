import { JsonPatch } from 'cdk8s';
import type { k8s } from 'cdk8s-plus-27';
import { LONG_RUNNING_KINDS, type PodTemplateOf } from './pod-templates';

/**
 * The health checks of every long-running container, each the best its image offers, read from
 * the image's source (named per entry). Readiness takes a pod out of its Services; liveness
 * restarts a hung process; a startup probe holds both off while a slow starter boots, so that
 * the other two can be strict without killing it mid-start. Jobs get none: they end.
 */
export interface HealthChecks {
  readonly readiness: k8s.Probe;
  readonly liveness: k8s.Probe;
  /** For the containers that take more than a few seconds to start. */
  readonly startup?: k8s.Probe;
}

/** A container that offers nothing to probe, and why: Kubernetes restarts it when its process exits. */
export interface NoHealthCheck {
  readonly none: string;
}

/** The chart sets its own probes, tested with it (VerneMQ). */
export interface OwnHealthChecks {
  readonly own: string;
}

export type HealthEntry = HealthChecks | NoHealthCheck | OwnHealthChecks;

/** Per workload, per container. */
export type HealthTable = { readonly [workload: string]: { readonly [container: string]: HealthEntry } };

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
        if (!c.readinessProbe || !c.livenessProbe)
          throw new Error(`${o.kind} ${o.name}: container ${c.name} should set its own probes (${entry.own})`);
        return;
      }
      const at = `/spec/template/spec/containers/${i}`;
      o.addJsonPatch(JsonPatch.add(`${at}/readinessProbe`, entry.readiness), JsonPatch.add(`${at}/livenessProbe`, entry.liveness));
      if (entry.startup) o.addJsonPatch(JsonPatch.add(`${at}/startupProbe`, entry.startup));
    });
  }
}
