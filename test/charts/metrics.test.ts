import { describe, expect, it } from 'vitest';
import * as YAML from 'yaml';
import { sideFiles } from '../../app/side-files';
import { KNOWN_METRICS } from '../../charts/metrics/vernemq-metrics';
import { entryPoints } from '../../load-balancer/entry-points';
import { type ManifestObject, lbProfile, profileOf, synth } from '../helpers/synth';

const out = synth(lbProfile('100k'));
const dashboards = out.ofKind('ConfigMap').filter((c) => c.metadata.labels?.grafana_dashboard === '1');
const dashboardJson = (c: ManifestObject) => JSON.parse(Object.values(c.data as Record<string, string>)[0]);
/** Every PromQL expression of a dashboard. */
const exprs = (d: { panels: { targets?: { expr: string }[] }[] }) => d.panels.flatMap((p) => (p.targets ?? []).map((t) => t.expr));
/** dojot's alerting rule groups, from the stack's values (the default) or the PrometheusRule (`metrics.rulesAs: prometheus-rule`). */
const ruleGroups = (o: ReturnType<typeof synth>): { name: string; rules: { alert: string; expr: string }[] }[] =>
  o.profile.metrics.rulesAs === 'prometheus-rule'
    ? o.find('PrometheusRule', 'dojot').spec.groups
    : YAML.parse(o.files['helm/kube-prometheus-stack.values.json']).additionalPrometheusRulesMap.dojot.groups;
/** The metric names a PromQL expression selects (`name{...}`). */
const metricsOf = (expr: string) => [...expr.matchAll(/([a-zA-Z_:][a-zA-Z0-9_:]*)\{/g)].map((m) => m[1]);

describe('metrics on an installed prometheus-operator (100k preset)', () => {
  it('scrapes vernemq-k8s through a ServiceMonitor that selects it and names one of its ports', () => {
    const monitor = out.find('ServiceMonitor', 'vernemq');
    const service = out.find('Service', 'vernemq-k8s');
    for (const [k, v] of Object.entries(monitor.spec.selector.matchLabels)) expect(service.metadata.labels?.[k]).toBe(v);
    const ports = service.spec.ports.map((p: { name: string }) => p.name);
    expect(monitor.spec.endpoints.map((e: { port: string }) => e.port)).toEqual(['http']);
    expect(ports).toContain(monitor.spec.endpoints[0].port);
    expect(monitor.spec.endpoints[0].interval).toBe('30s');
    expect(monitor.metadata.labels?.release).toBe('kube-prometheus-stack');
  });

  it("puts what needs the operator's CRDs in dist/monitoring, and no CRD or v1beta1 object anywhere", () => {
    for (const kind of ['ServiceMonitor', 'PrometheusRule'])
      expect(
        out.ofKind(kind).every((o) => o.file.startsWith('monitoring/')),
        kind,
      ).toBe(true);
    expect(out.objects.filter((o) => !o.file.startsWith('monitoring/') && o.apiVersion.startsWith('monitoring.coreos.com'))).toEqual([]);
    expect(out.ofKind('CustomResourceDefinition')).toEqual([]);
    expect(out.objects.filter((o) => /v1beta1/.test(o.apiVersion))).toEqual([]);
  });

  it("has three dashboards or more, each valid JSON with queries, on the stack's data source by variable", () => {
    expect(dashboards.length).toBeGreaterThanOrEqual(3);
    for (const c of dashboards) {
      expect(c.metadata.namespace).toBe('monitoring');
      const d = dashboardJson(c);
      expect(exprs(d).length, d.title).toBeGreaterThan(3);
      expect(d.templating.list.find((v: { type: string }) => v.type === 'datasource')).toMatchObject({
        name: 'datasource',
        query: 'prometheus',
      });
      for (const p of d.panels.filter((x: { type: string }) => x.type !== 'row'))
        expect(p.datasource, `${d.title}: ${p.title}`).toEqual({ type: 'prometheus', uid: '${datasource}' });
    }
    expect(
      dashboards.filter((c) => exprs(dashboardJson(c)).some((e) => metricsOf(e).some((m) => m !== 'up'))).length,
    ).toBeGreaterThanOrEqual(2);
  });

  it("queries only metrics that VerneMQ 1.10.0 exports (its names, not 2.x's), in dashboards and alerts", () => {
    const all = [...dashboards.flatMap((c) => exprs(dashboardJson(c))), ...ruleGroups(out).flatMap((g) => g.rules.map((r) => r.expr))];
    const unknown = all.flatMap(metricsOf).filter((m) => !KNOWN_METRICS.has(m));
    expect(all.length).toBeGreaterThan(20);
    expect(unknown).toEqual([]);
    expect(all.join('\n')).not.toMatch(/vernemq_|active_mqtt_connections/);
  });

  it("delivers the rules in the stack's values by default, or as a PrometheusRule in dist/monitoring", () => {
    expect(out.maybe('PrometheusRule', 'dojot')).toBeUndefined();
    const asObject = synth(lbProfile('100k', { metrics: { rulesAs: 'prometheus-rule' } }));
    expect(asObject.find('PrometheusRule', 'dojot').file).toBe('monitoring/dojot-monitoring.k8s.yaml');
    expect(ruleGroups(asObject)).toEqual(ruleGroups(out));
    expect(YAML.parse(asObject.files['helm/kube-prometheus-stack.values.json']).additionalPrometheusRulesMap).toBeUndefined();
    // The stack's Prometheus selects the chart's own PrometheusRule by its release label, as dojot's.
    expect(YAML.parse(out.files['helm/kube-prometheus-stack.values.json']).prometheus.prometheusSpec.ruleSelector).toEqual({
      matchLabels: { release: 'kube-prometheus-stack' },
    });
  });

  it('alerts on a broker down, a missing broker, a netsplit, connections near the limit and dropped messages', () => {
    const rules = ruleGroups(out)[0].rules;
    expect(rules.map((r: { alert: string }) => r.alert)).toEqual([
      'VerneMQBrokerDown',
      'VerneMQBrokersMissing',
      'VerneMQNetsplit',
      'VerneMQConnectionsNearLimit',
      'VerneMQQueueDrops',
    ]);
    expect(rules.find((r: { alert: string }) => r.alert === 'VerneMQBrokersMissing')?.expr).toBe(
      'count(up{job="vernemq-k8s", namespace="dojot"} == 1) < 3',
    );
    const limited = ruleGroups(synth(lbProfile('100k', { vernemq: { maxConnections: 40000 } })))[0].rules;
    expect(limited.find((r: { alert: string }) => r.alert === 'VerneMQConnectionsNearLimit')?.expr).toMatch(/> 36000$/);
  });

  it("writes the stack's values: Grafana on NodePort 30003, selectors on the release label, the sidecar on the dashboards' namespace", () => {
    const values = YAML.parse(out.files['helm/kube-prometheus-stack.values.json']);
    expect(values.grafana.service).toEqual({ type: 'NodePort', nodePort: 30003 });
    expect(values.grafana.fullnameOverride).toBe('grafana');
    expect(values.grafana.sidecar.dashboards).toMatchObject({
      enabled: true,
      label: 'grafana_dashboard',
      labelValue: '1',
      searchNamespace: 'monitoring',
    });
    expect(values.prometheus.prometheusSpec.serviceMonitorSelector).toEqual({ matchLabels: { release: 'kube-prometheus-stack' } });
    expect(values.prometheus.prometheusSpec.ruleSelector).toEqual({ matchLabels: { release: 'kube-prometheus-stack' } });
    expect(sideFiles(out.profile, true).notices).toContain(
      'the Prometheus stack, before dist/monitoring: helm install kube-prometheus-stack prometheus-community/kube-prometheus-stack --version 88.5.3 -n monitoring --create-namespace -f dist/helm/kube-prometheus-stack.values.json',
    );
    expect(out.files['haproxy.cfg']).toContain('listen metrics');
  });
});

describe('metrics off', () => {
  const p = lbProfile('100k', { metrics: { enabled: false } });
  const off = synth(p);

  it('has no ServiceMonitor, rule, dashboard, values file, metrics NodePort or entry point', () => {
    expect(Object.keys(off.files).filter((f) => f.startsWith('monitoring/') || f.startsWith('helm/'))).toEqual([]);
    expect(off.ofKind('ServiceMonitor')).toEqual([]);
    expect(entryPoints(p).map((e) => e.name)).not.toContain('metrics');
    expect(off.files['haproxy.cfg']).not.toContain('listen metrics');
  });
});

describe('the Locust exporter of the load test', () => {
  it('is scraped at its address through a ScrapeConfig, not an ExternalName Service', () => {
    const o = synth(profileOf('100k', { locustExporter: { enabled: true, ip: '10.50.0.7', port: 9647 } }));
    expect(o.find('ScrapeConfig', 'locust').spec.staticConfigs).toEqual([{ targets: ['10.50.0.7:9647'], labels: { job: 'locust' } }]);
    expect(o.ofKind('Service').filter((s) => s.spec.type === 'ExternalName')).toEqual([]);
    expect(synth(profileOf('100k')).maybe('ScrapeConfig', 'locust')).toBeUndefined();
  });
});

describe('the flavours without VerneMQ', () => {
  it('have no VerneMQ monitoring (mosca, lwm2m)', () => {
    for (const flavour of ['mosca', 'lwm2m'] as const)
      expect(synth(profileOf('default', { flavour })).ofKind('ServiceMonitor')).toEqual([]);
  });
});

describe("the monitoring objects against the prometheus-operator's schemas", () => {
  // Synth builds them as plain objects (types only, for speed); the models' validators check them here.
  it('validates the ServiceMonitor, the PrometheusRule and the ScrapeConfig', async () => {
    const { ServiceMonitor } = await import('@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ServiceMonitor');
    const { PrometheusRule } = await import('@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PrometheusRule');
    const { ScrapeConfig } = await import('@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1alpha1/ScrapeConfig');
    const o = synth(profileOf('100k', { locustExporter: { enabled: true }, metrics: { rulesAs: 'prometheus-rule' } }));
    const plain = (x: ManifestObject) => {
      const { file: _file, ...object } = x;
      return object;
    };
    expect(() => new ServiceMonitor(plain(o.find('ServiceMonitor', 'vernemq')) as never).validate()).not.toThrow();
    expect(() => new PrometheusRule(plain(o.find('PrometheusRule', 'dojot')) as never).validate()).not.toThrow();
    expect(() => new ScrapeConfig(plain(o.find('ScrapeConfig', 'locust')) as never).validate()).not.toThrow();
    // And a wrong one fails: the check can fail.
    expect(() =>
      new ServiceMonitor({ ...plain(o.find('ServiceMonitor', 'vernemq')), spec: { endpoints: 'x' } } as never).validate(),
    ).toThrow();
  });
});
