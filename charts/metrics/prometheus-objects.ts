// Types only: loading the models (and their schemas) costs a fifth of a synth; the tests validate
// these objects against them (test/charts/monitoring.test.ts), and `npm run validate` the output.
import type { IPrometheusRule } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PrometheusRule';
import type { IServiceMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ServiceMonitor';
import type { IScrapeConfig } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1alpha1/ScrapeConfig';
import { portOf } from '../../lib/contract';
import type { Profile } from '../../profile/types';
import type { PlatformContracts } from '../contracts';
import { vernemqAlertRules } from './alert-rules';

/** The labels the stack's Prometheus selects dojot's ServiceMonitors, rules and scrape configs by. */
export const selectedBy = (p: Profile) => ({ release: p.metrics.release });

/** VerneMQ's metrics, from its in-cluster Service: the only dojot v0.6.0 service that exports Prometheus metrics. */
export function vernemqServiceMonitor(p: Profile, contracts: PlatformContracts): IServiceMonitor {
  const service = contracts.vernemq.services.internal;
  // A ServiceMonitor names the port it scrapes.
  const port = portOf(service, 'http').name;
  if (!port) throw new Error(`${service.name}'s http port has no name for the ServiceMonitor to scrape`);
  return {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'ServiceMonitor',
    metadata: { name: 'vernemq', namespace: p.namespace, labels: { ...selectedBy(p), app: 'dojot' } },
    spec: {
      // The Service's own labels (vernemq-k8s carries `vernemq: k8s`); only it has the `http` port.
      selector: { matchLabels: { vernemq: service.selector.vernemq } },
      namespaceSelector: { matchNames: [p.namespace] },
      endpoints: [{ port, path: '/metrics', interval: p.metrics.scrapeInterval }],
    },
  };
}

/** dojot's alerting rules (VerneMQ's; Kafka's consumer lag needs an exporter that dojot does not run). */
export function dojotRules(p: Profile, contracts: PlatformContracts): IPrometheusRule {
  return {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'PrometheusRule',
    metadata: { name: 'dojot', namespace: p.namespace, labels: { ...selectedBy(p), app: 'dojot' } },
    spec: dojotRuleSpec(p, contracts),
  };
}

/** The rule groups, wherever they are delivered (a PrometheusRule, or the stack's values). */
export function dojotRuleSpec(p: Profile, contracts: PlatformContracts): NonNullable<IPrometheusRule['spec']> {
  return { groups: [{ name: 'dojot.vernemq', rules: vernemqAlertRules(p, contracts) }] };
}

/** The load test's Locust exporter, outside the cluster: a static target, not an ExternalName Service. */
export function locustScrapeConfig(p: Profile): IScrapeConfig {
  return {
    apiVersion: 'monitoring.coreos.com/v1alpha1',
    kind: 'ScrapeConfig',
    metadata: { name: 'locust', namespace: p.namespace, labels: { ...selectedBy(p), app: 'dojot' } },
    spec: {
      staticConfigs: [
        {
          targets: [`${p.locustExporter.ip.includes(':') ? `[${p.locustExporter.ip}]` : p.locustExporter.ip}:${p.locustExporter.port}`],
          labels: { job: 'locust' },
        },
      ],
      metricsPath: '/metrics',
    },
  };
}
