import { describe, expect, it } from 'vitest';
import { type ManifestObject, profileOf, synth } from '../helpers/synth';

/** name → nodePort of a Service's ports. */
function nodePorts(service: ManifestObject): Record<string, number | undefined> {
  return Object.fromEntries((service.spec.ports as { name: string; nodePort?: number }[]).map((p) => [p.name, p.nodePort]));
}

describe('fixed NodePorts (100k preset)', () => {
  const out = synth(profileOf('100k', { nodePorts: { mqtt: 31883, mqtts: 31884, apigw: { http: 31080, https: 31443 } } }));

  it('pins MQTT and MQTTS on the external VerneMQ Service', () => {
    const svc = out.find('Service', 'vernemq-k8s-external-service');
    expect(svc.spec.type).toBe('NodePort');
    expect(nodePorts(svc)).toEqual({ mqtt: 31883, mqtts: 31884 });
  });

  it("pins Kong's HTTP port on kong-external", () => {
    expect(nodePorts(out.find('Service', 'kong-external'))).toEqual({ 'apigw-http': 31080 });
  });

  it("exposes Kong's HTTPS port only with mutual TLS, as the original", () => {
    const tls = synth(profileOf('100k', { apigw: { mutualTls: true }, nodePorts: { apigw: { https: 31443 } } }));
    expect(nodePorts(tls.find('Service', 'kong-external'))).toEqual({ 'apigw-http': 30001, 'apigw-https': 31443 });
  });

  it('drops the plain MQTT port when insecure MQTT is off', () => {
    const secure = synth(profileOf('100k', { vernemq: { insecureMqtt: false } }));
    expect(nodePorts(secure.find('Service', 'vernemq-k8s-external-service'))).toEqual({ mqtts: 30005 });
  });
});

describe('NodePorts not fixed (default preset)', () => {
  const out = synth(profileOf('default'));

  it.each(['vernemq-k8s-external-service', 'kong-external'])('lets Kubernetes pick the ports of %s', (name) => {
    const svc = out.find('Service', name);
    expect(svc.spec.type).toBe('NodePort');
    expect(Object.values(nodePorts(svc)).every((p) => p === undefined)).toBe(true);
  });

  it('pins no NodePort anywhere', () => {
    const pinned = out.ofKind('Service').flatMap((s) => (s.spec.ports as { nodePort?: number }[]).filter((p) => p.nodePort !== undefined));
    expect(pinned).toEqual([]);
  });
});
