import type { SideFile } from '../../lib/side-file';
import type { Profile } from '../../profile/types';
import { platformContracts } from '../contracts';
import { deployedComponents } from '../flavours';
import { dojotRuleSpec, selectedBy } from './prometheus-objects';

/** The kube-prometheus-stack these values were written for (its chart, and its prometheus-operator). */
export const KUBE_PROMETHEUS_STACK = { chart: '88.5.3', operator: 'v0.93.1' } as const;

/**
 * JSON, which Helm reads as YAML (`-f` takes either): a `.yaml` file in dist/ that is not a
 * Kubernetes object fails strict validation of the folder (the shared validator reads every
 * `*.yaml` under it), and users validate dist/ as a whole.
 */
export const HELM_VALUES_FILE = 'helm/kube-prometheus-stack.values.json';

/** The `helm install` line of the stack, with the profile's release and namespace, and the values in `published` (dist/). */
export const helmInstall = (p: Profile, published = 'dist') =>
  `helm install ${p.metrics.release} prometheus-community/kube-prometheus-stack --version ${KUBE_PROMETHEUS_STACK.chart} -n ${p.metrics.namespace} --create-namespace -f ${published}/${HELM_VALUES_FILE}`;

/**
 * Values for kube-prometheus-stack (prometheus-community/helm-charts, chart 88.5.3): its
 * Prometheus selects dojot's ServiceMonitors, rules and scrape configs by `release` in every
 * namespace; its Grafana is the Service `grafana` on `nodePorts.metrics` (the load balancer's
 * metrics entry point) and its sidecar loads the dashboards of `metrics.namespace`. The install
 * line (`helmInstall`) is printed by synth, JSON having no comments.
 */
export function helmValuesFile(p: Profile): SideFile {
  const selector = { matchLabels: selectedBy(p) };
  const values = {
    // The mirror (images.registry): the stack's charts and their subcharts (Grafana 12.11.1,
    // kube-state-metrics 8.4.0, node-exporter 4.56.1) put it in place of each image's own registry.
    ...(p.images.registry ? { global: { imageRegistry: p.images.registry } } : {}),
    prometheus: {
      prometheusSpec: {
        serviceMonitorSelector: selector,
        serviceMonitorNamespaceSelector: {},
        ruleSelector: selector,
        ruleNamespaceSelector: {},
        scrapeConfigSelector: selector,
        scrapeConfigNamespaceSelector: {},
      },
    },
    // dojot's alerting rules, created by the chart with the stack (metrics.rulesAs).
    ...(p.metrics.rulesAs === 'helm-values' && deployedComponents(p).includes('vernemq')
      ? { additionalPrometheusRulesMap: { dojot: dojotRuleSpec(p, platformContracts(p)) } }
      : {}),
    grafana: {
      fullnameOverride: 'grafana',
      service: { type: 'NodePort', ...(p.nodePorts.fixed ? { nodePort: p.nodePorts.metrics } : {}) },
      sidecar: {
        dashboards: {
          enabled: true,
          label: p.metrics.dashboardLabel,
          labelValue: '1',
          searchNamespace: p.metrics.namespace,
          provider: { folder: 'dojot' },
        },
      },
    },
  };
  return { name: HELM_VALUES_FILE, content: `${JSON.stringify(values, null, 2)}\n` };
}
