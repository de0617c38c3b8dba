import { describe, expect, it } from 'vitest';
import { platformContracts } from '../../charts/contracts';
import { deployedContracts } from '../../charts/flavours';
import { entryPoints } from '../../load-balancer/entry-points';
import type { ProfileLayer } from '../../profile/types';
import { profileOf, synth } from '../helpers/synth';

/** The upstreams of the Kong route script: `endpoint 'name' 'url' ...` lines. */
function routeUpstreams(script: string): { service: string; url: URL }[] {
  return [...script.matchAll(/^endpoint '([^']+)' '([^']+)'/gm)].map((m) => ({ service: m[1], url: new URL(m[2]) }));
}

const VARIANTS: [string, string, ProfileLayer][] = [
  ['default', 'default', {}],
  ['100k', '100k', {}],
  ['100k with kafka-ws on 8081', '100k', { kafkaWs: { port: 8081 } }],
  [
    '100k with moved ports',
    '100k',
    { kafkaWs: { port: 9443, redisPort: 6380, tls: true }, kafka: { port: 9093 }, apigw: { adminPort: 8101, httpPort: 8100 } },
  ],
];

describe.each(VARIANTS)('contracts (%s)', (_, preset, layer) => {
  const profile = profileOf(preset, layer);
  const out = synth(profile);
  const script = out.find('ConfigMap', 'kong-config').data['kong-config.sh'] as string;

  it('routes every Kong upstream to a Service in dist/, on one of its ports', () => {
    const upstreams = routeUpstreams(script);
    expect(upstreams.length).toBeGreaterThan(5);
    for (const { service, url } of upstreams) {
      const target = out.maybe('Service', url.hostname);
      expect(target, `${service} -> ${url.hostname}`).toBeDefined();
      expect(
        target!.spec.ports.map((p: { port: number }) => p.port),
        `${service} -> ${url.href}`,
      ).toContain(Number(url.port || 80));
    }
  });

  it("asks auth's decision point and Kong's admin API where their Services are", () => {
    expect(script).toContain(`KONG=http://kong:${profile.apigw.adminPort}\n`);
    const auth = out.find('Service', 'auth').spec.ports[0].port;
    expect(script).toContain(`config.pdpUrl=http://auth:${auth}/pdp`);
  });

  it("renders each Service exactly as its component's contract says", () => {
    const services = deployedContracts(profile).flatMap((c) => Object.values(c.services));
    for (const s of services.filter((x) => x.name !== 'grafana')) {
      const svc = out.find('Service', s.name);
      expect(svc.spec.selector, s.name).toEqual(s.selector);
      expect(
        svc.spec.ports.map((p: { port: number }) => p.port),
        s.name,
      ).toEqual(Object.values(s.ports).flatMap((p) => (p ? [p.port] : [])));
    }
  });

  it('sends each load-balancer entry point to a NodePort that a Service in dist/ pins, or to the monitoring stack', () => {
    const pinned = new Map(
      out
        .ofKind('Service')
        .flatMap((s) =>
          s.spec.ports.filter((p: { nodePort?: number }) => p.nodePort).map((p: { nodePort: number }) => [p.nodePort, s.metadata.name]),
        ),
    );
    for (const e of entryPoints(profile)) {
      if (e.name === 'metrics') continue; // Grafana: the monitoring stack's Service
      if (profile.nodePorts.fixed) expect(pinned.get(e.nodePort), e.name).toBeDefined();
    }
  });
});

describe('contracts decide what depends on them', () => {
  it('points every Kong route to kafka-ws at kafkaWs.port (8081)', () => {
    const out = synth(profileOf('100k', { kafkaWs: { port: 8081 } }));
    const routes = routeUpstreams(out.find('ConfigMap', 'kong-config').data['kong-config.sh']).filter((r) => r.url.hostname === 'kafka-ws');
    expect(routes.map((r) => r.service)).toEqual(['kafka-ws', 'kafka-ws-ticket']);
    for (const r of routes) expect(r.url.port).toBe('8081');
    expect(out.find('Service', 'kafka-ws').spec.ports[0].port).toBe(8081);
  });

  it('registers routes only for the services the flavour deploys (no gui, device-manager or ejbca in 100k)', () => {
    const out = synth(profileOf('100k'));
    const hosts = new Set(routeUpstreams(out.find('ConfigMap', 'kong-config').data['kong-config.sh']).map((r) => r.url.hostname));
    expect([...hosts].sort()).toEqual(['auth', 'data-broker', 'kafka-ws', 'x509-identity-mgmt']);
  });

  it('tells clients the ports the contracts give (Kafka on 9093 everywhere)', () => {
    const out = synth(profileOf('100k', { kafka: { port: 9093 } }));
    const text = Object.values(out.files).join('\n');
    expect(text).not.toContain('kafka-server:9092');
    expect(text).toContain('kafka-server:9093');
  });

  it('exposes plain MQTT (NodePort and load-balancer entry point) only with vernemq.insecureMqtt', () => {
    const secure = profileOf('100k', { vernemq: { insecureMqtt: false } });
    expect(entryPoints(secure).map((e) => e.name)).toEqual(['mqtts', 'apigw', 'metrics']);
    expect(
      synth(secure)
        .find('Service', 'vernemq-k8s-external-service')
        .spec.ports.map((p: { name: string }) => p.name),
    ).toEqual(['mqtts']);
    expect(entryPoints(profileOf('100k')).map((e) => e.name)).toEqual(['mqtt', 'mqtts', 'apigw', 'metrics']);
  });

  it("exposes Kong's HTTPS (NodePort 30002 and entry point apigws) only with mutual TLS", () => {
    const mtls = profileOf('100k', { apigw: { mutualTls: true } });
    expect(entryPoints(mtls).find((e) => e.name === 'apigws')?.nodePort).toBe(30002);
    expect(
      synth(mtls)
        .find('Service', 'kong-external')
        .spec.ports.map((p: { nodePort: number }) => p.nodePort),
    ).toEqual([30001, 30002]);
  });
});

describe('the contracts of a profile', () => {
  it('are built once, whoever asks, and anew for another profile', () => {
    const p = profileOf('100k');
    expect(platformContracts(p)).toBe(platformContracts(p));
    expect(platformContracts(profileOf('100k'))).not.toBe(platformContracts(p));
    expect(platformContracts(profileOf('100k'))).toEqual(platformContracts(p));
  });
});
