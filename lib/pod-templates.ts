import { ApiObject, type Chart } from 'cdk8s';

/** Every kind whose pods come from a template. */
export const WORKLOAD_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'Job'] as const;

/** A workload of a chart, with its pod template's spec as synthesized so far (plain JSON). */
export interface PodTemplateOf<P> {
  readonly object: ApiObject;
  readonly pod: P;
}

/** The workloads of `chart` of the given kinds that have a pod template, each with its pod spec. */
export function podTemplatesOf<P>(chart: Chart, kinds: readonly string[] = WORKLOAD_KINDS): PodTemplateOf<P>[] {
  return chart.node
    .findAll()
    .filter((c): c is ApiObject => c instanceof ApiObject && kinds.includes(c.kind))
    .flatMap((object) => {
      const pod = (object.toJson() as { spec?: { template?: { spec?: P } } }).spec?.template?.spec;
      return pod ? [{ object, pod }] : [];
    });
}
