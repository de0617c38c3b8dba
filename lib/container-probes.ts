import type { k8s } from 'cdk8s-plus-27';

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
