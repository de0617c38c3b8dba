import { ApiObject, type Chart, JsonPatch } from 'cdk8s';
import { WORKLOAD_KINDS } from './pod-templates';

export interface RecommendedLabels {
  /** The component (`database`, `mqtt-broker`, ...). */
  readonly name: string;
  /** This installation: the namespace it lives in. */
  readonly instance: string;
  /** The platform's version (`dojot_version`). */
  readonly version: string;
  /** Its role in the platform (`database`, `mqtt-broker`, ...). */
  readonly component: string;
}

/**
 * Kubernetes' recommended labels (`app.kubernetes.io/*`) on every object of a chart and on its
 * pod templates, so that `-l app.kubernetes.io/part-of=dojot` selects all of dojot. Never in a
 * selector: the workloads keep the selectors they have always had (an immutable field).
 */
export function applyRecommendedLabels(chart: Chart, l: RecommendedLabels): void {
  const labels: Record<string, string> = {
    'app.kubernetes.io/name': l.name,
    'app.kubernetes.io/instance': l.instance,
    'app.kubernetes.io/version': l.version,
    'app.kubernetes.io/component': l.component,
    'app.kubernetes.io/part-of': 'dojot',
    'app.kubernetes.io/managed-by': 'dojot-cdk8s',
  };
  for (const o of chart.node.findAll().filter((c): c is ApiObject => c instanceof ApiObject)) {
    for (const [k, v] of Object.entries(labels)) o.metadata.addLabel(k, v);
    // Pods from a template get the labels too.
    if (!(WORKLOAD_KINDS as readonly string[]).includes(o.kind)) continue;
    const template = (o.toJson() as { spec?: { template?: { metadata?: { labels?: Record<string, string> } } } }).spec?.template;
    if (!template) continue;
    if (!template.metadata) o.addJsonPatch(JsonPatch.add('/spec/template/metadata', { labels }));
    else o.addJsonPatch(JsonPatch.add('/spec/template/metadata/labels', { ...template.metadata.labels, ...labels }));
  }
}
