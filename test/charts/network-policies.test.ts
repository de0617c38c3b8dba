import { describe, expect, it } from 'vitest';
import { COMPONENTS } from '../../charts/components';
import { platformContracts } from '../../charts/contracts';
import { type ManifestObject, lbProfile, profileOf, synth } from '../helpers/synth';

const out = synth(lbProfile('100k', { flavour: 'vernemq' }));
const policies = out.ofKind('NetworkPolicy');

interface Rule {
  from?: {
    podSelector?: { matchLabels?: Record<string, string>; matchExpressions?: { key: string; values: string[] }[] };
    namespaceSelector?: { matchLabels: Record<string, string> };
  }[];
  ports?: { port: number | string; endPort?: number; protocol: string }[];
}
const selects = (policy: ManifestObject, labels: Record<string, string>) =>
  Object.entries(policy.spec.podSelector.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
/** The rules of every policy that selects the pods with `labels`. */
const rulesFor = (labels: Record<string, string>): Rule[] =>
  policies.filter((p) => p.spec.ingress && selects(p, labels)).flatMap((p) => p.spec.ingress);
/** Components (app.kubernetes.io/name) allowed on `port` of the pods with `labels`. */
const componentsAllowed = (labels: Record<string, string>, port: number | string) =>
  rulesFor(labels)
    .filter((r) => r.ports?.some((x) => x.port === port))
    .flatMap((r) => r.from ?? [])
    .flatMap((f) => f.podSelector?.matchExpressions?.find((e) => e.key === 'app.kubernetes.io/name')?.values ?? []);
const openToAll = (labels: Record<string, string>, port: number | string) =>
  rulesFor(labels).some((r) => !r.from && r.ports?.some((x) => x.port === port));
const podLabels = (kind: string, name: string) => out.find(kind, name).spec.template.metadata.labels;

describe("network policies of the whole platform on the guide's settings", () => {
  it('deny all ingress by default, and leave egress open', () => {
    expect(out.find('NetworkPolicy', 'default-deny-ingress').spec).toEqual({ podSelector: {}, policyTypes: ['Ingress'] });
    for (const p of policies) expect(p.spec.policyTypes, p.metadata.name).toEqual(['Ingress']);
  });

  it("open Kong's admin API (8001) only to auth and the Job that configures the routes", () => {
    const kong = podLabels('Deployment', 'kong');
    const rules = rulesFor(kong).filter((r) => r.ports?.some((x) => x.port === 8001));
    expect(rules).toEqual([
      {
        from: [
          { podSelector: { matchExpressions: [{ key: 'app.kubernetes.io/name', operator: 'In', values: ['auth'] }] } },
          { podSelector: { matchLabels: { name: 'kong-route-config' } } },
        ],
        ports: [{ port: 8001, protocol: 'TCP' }],
      },
    ]);
    expect(podLabels('Job', 'kong-route-config').name).toBe('kong-route-config');
    expect(openToAll(kong, 8001)).toBe(false);
    // Its proxy is the API gateway: behind the load balancer, open.
    expect(openToAll(kong, 8000)).toBe(true);
  });

  it("admit each data store's clients, and no one else", () => {
    expect(componentsAllowed(podLabels('StatefulSet', 'postgres'), 5432).sort()).toEqual([
      'auth',
      'backstage',
      'device-manager',
      'image-manager',
      'kong',
      'x509-identity-mgmt',
    ]);
    expect(componentsAllowed(podLabels('StatefulSet', 'mongodb'), 27017).sort()).toEqual([
      'cron',
      'flowbroker',
      'history',
      'persister',
      'x509-identity-mgmt',
    ]);
    expect(componentsAllowed(podLabels('Deployment', 'data-broker-redis'), 6379)).toEqual(['data-broker']);
    expect(rulesFor(podLabels('Deployment', 'device-manager-redis'))).toEqual([]);
    expect(componentsAllowed(podLabels('StatefulSet', 'kafka-server'), 'server')).toContain('v2k-bridge');
  });

  it('let Kong reach every service its routes name, on the routed port', () => {
    for (const [kind, name, port] of [
      ['Deployment', 'device-manager', 5000],
      ['Deployment', 'gui', 80],
      ['Deployment', 'kafka-ws', 8080],
      ['Deployment', 'x509-identity-mgmt', 3000],
      ['Deployment', 'backstage', 3005],
    ] as const) {
      expect(componentsAllowed(podLabels(kind, name), port), name).toContain('kong');
    }
  });

  it("keep the brokers' MQTT open behind the load balancer, their metrics to the monitoring namespace, their cluster ports to each other", () => {
    const broker = podLabels('StatefulSet', 'vernemq-k8s');
    expect(openToAll(broker, 1883)).toBe(true);
    expect(openToAll(broker, 8883)).toBe(true);
    expect(openToAll(broker, 'http')).toBe(false);
    expect(rulesFor(broker).find((r) => r.ports?.some((x) => x.port === 'http'))?.from).toEqual([
      { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } },
    ]);
    expect(componentsAllowed(broker, 'epmd')).toEqual(['vernemq']);
    expect(rulesFor(broker).find((r) => r.ports?.some((x) => x.endPort))?.ports).toEqual([{ port: 9100, endPort: 9109, protocol: 'TCP' }]);
  });

  it("let no namespace reach the brokers' metrics when the metrics are off", () => {
    const off = synth(lbProfile('100k', { flavour: 'vernemq', metrics: { enabled: false } }));
    const ingress = off.ofKind('NetworkPolicy').flatMap((x) => x.spec.ingress ?? []);
    expect(ingress.length).toBeGreaterThan(10);
    expect(ingress.flatMap((r: Rule) => r.from ?? []).filter((f) => f.namespaceSelector)).toEqual([]);
  });

  it('cover the flow nodes flowbroker creates at run time, both ways', () => {
    expect(componentsAllowed({ app: 'flowbroker', name: 'flownode-x' }, 5555)).toEqual(['flowbroker']);
    const contextManager = rulesFor(podLabels('Deployment', 'flowbroker')).find((r) => r.ports?.some((x) => x.port === 'context-zmq'));
    expect(contextManager?.from).toEqual([{ podSelector: { matchLabels: { app: 'flowbroker' } } }]);
  });

  it("let the brokers reach each other's Erlang distribution ports (9100 to 9109), and nothing else reach them", () => {
    const brokers = podLabels('StatefulSet', 'vernemq-k8s');
    const range = rulesFor(brokers).filter((r) => r.ports?.some((x) => x.endPort !== undefined));
    expect(range).toEqual([
      {
        from: [{ podSelector: { matchExpressions: [{ key: 'app.kubernetes.io/name', operator: 'In', values: ['vernemq'] }] } }],
        ports: [{ protocol: 'TCP', port: 9100, endPort: 9109 }],
      },
    ]);
    expect(out.find('NetworkPolicy', 'vernemq-k8s-distribution').spec.podSelector.matchLabels).toEqual({
      app: brokers.app,
      vernemq: brokers.vernemq,
    });
    expect(synth(profileOf('default', { flavour: 'mosca' })).maybe('NetworkPolicy', 'vernemq-k8s-distribution')).toBeUndefined();
  });

  it('select only pods that exist (or flow nodes), by the selectors of their Services', () => {
    const templates = out.objects.filter((o) => o.spec?.template?.metadata?.labels).map((o) => o.spec.template.metadata.labels);
    for (const p of policies.filter((x) => Object.keys(x.spec.podSelector).length)) {
      if (p.metadata.name === 'flow-nodes-ingress') continue;
      expect(
        templates.some((l) => selects(p, l)),
        p.metadata.name,
      ).toBe(true);
    }
  });
});

describe('network policies elsewhere', () => {
  it('100k: MQTT open, x509 only to the brokers, bridges and Kong', () => {
    const k = synth(lbProfile('100k'));
    const x509 = k.find('Deployment', 'x509-identity-mgmt').spec.template.metadata.labels;
    const allowed = k
      .ofKind('NetworkPolicy')
      .filter((p) => p.spec.ingress && Object.entries(p.spec.podSelector.matchLabels ?? {}).every(([a, b]) => x509[a] === b))
      .flatMap((p) => p.spec.ingress)
      .flatMap((r: Rule) => r.from ?? [])
      .flatMap((f: NonNullable<Rule['from']>[number]) => f.podSelector?.matchExpressions?.[0]?.values ?? []);
    expect(allowed.sort()).toEqual(['k2v-bridge', 'kong', 'v2k-bridge', 'vernemq']);
  });

  it('none when networkPolicies.enabled is false', () => {
    expect(synth(profileOf('default', { networkPolicies: { enabled: false } })).ofKind('NetworkPolicy')).toEqual([]);
  });
});

describe("the components' calls (each component.ts), which the policies let in", () => {
  const contracts = platformContracts(profileOf('100k', { vernemq: { insecureMqtt: true } }));
  const services = (c: string) =>
    (contracts as Record<string, { services: Record<string, { ports: Record<string, unknown> }> }>)[c]?.services;

  /** The calls that name no component, no Service of it, or a port role that Service lacks. */
  const wrongCalls = (calls: readonly { to: string; service: string; ports: readonly string[] }[]) =>
    calls.filter((x) => !services(x.to)?.[x.service] || x.ports.some((role) => !(role in services(x.to)[x.service].ports)));

  it("name a component, one of its Services and that Service's port roles, every one", () => {
    const calls = COMPONENTS.flatMap((c) => (c.calls ?? []).map((call) => ({ from: c.name, ...call })));
    expect(calls.length).toBeGreaterThan(50);
    expect(wrongCalls(calls)).toEqual([]);
  });

  it('would catch a call to a component, a Service or a port that is not there', () => {
    const bad = [
      { to: 'kafak', service: 'broker', ports: ['kafka'] },
      { to: 'kafka', service: 'brokers', ports: ['kafka'] },
      { to: 'kafka', service: 'broker', ports: ['kafak'] },
    ];
    expect(wrongCalls([...bad, { to: 'kafka', service: 'broker', ports: ['kafka'] }])).toEqual(bad);
  });
});
