import { ApiObject, type Chart } from 'cdk8s';

/** Every kind whose pods come from a template. */
export const WORKLOAD_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'Job'] as const;
/** The workloads whose containers run until stopped (a Job's run to completion). */
export const LONG_RUNNING_KINDS: readonly string[] = ['Deployment', 'StatefulSet', 'DaemonSet'];

/** A container of a pod template as synthesized so far (plain JSON), in the fields the appliers read. */
export interface ContainerJson {
  readonly name: string;
  readonly securityContext?: Record<string, unknown> & { capabilities?: { drop?: string[]; add?: string[] } };
  readonly volumeMounts?: { mountPath: string }[];
  readonly env?: unknown[];
  readonly readinessProbe?: unknown;
  readonly livenessProbe?: unknown;
}

/** A pod template's spec as synthesized so far (plain JSON). */
export interface PodJson {
  readonly containers: ContainerJson[];
  readonly initContainers?: ContainerJson[];
  readonly volumes?: { name: string }[];
}

/** A workload of a chart, with its pod template's spec. Read once: each read resolves the whole object. */
export interface PodTemplateOf<P = PodJson> {
  readonly object: ApiObject;
  readonly pod: P;
}

/** The workloads of `chart` of the given kinds that have a pod template, each with its pod spec. */
export function podTemplatesOf<P = PodJson>(chart: Chart, kinds: readonly string[] = WORKLOAD_KINDS): PodTemplateOf<P>[] {
  return chart.node
    .findAll()
    .filter((c): c is ApiObject => c instanceof ApiObject && kinds.includes(c.kind))
    .flatMap((object) => {
      const pod = (object.toJson() as { spec?: { template?: { spec?: P } } }).spec?.template?.spec;
      return pod ? [{ object, pod }] : [];
    });
}
