// iotagent-lwm2m (charts/iotagent-lwm2m, lwm2m flavour): the Leshan agent, its file server settings, UDP ports and NodePorts.
import { describe, expect, it } from 'vitest';
import { containerOf, envOf, groupAffinity, originalLabels, podSpec, profileOf, synth } from '../helpers/synth';

describe('iotagent-lwm2m (lwm2m flavour)', () => {
  const out = synth(profileOf('default', { flavour: 'lwm2m' }));
  const d = out.find('Deployment', 'iotagent-lwm2m');
  const agent = () => containerOf(d, 'iotagent-lwm2m');

  it("labels and selects its Deployment and Service as the original's", () => {
    expect(originalLabels(d.metadata.labels)).toEqual({ name: 'iotagent-lwm2m', app: 'dojot' });
    expect(d.spec.replicas).toBe(1);
    expect(d.spec.selector.matchLabels).toEqual({ app: 'dojot', name: 'iotagent-lwm2m' });
    expect(originalLabels(d.spec.template.metadata.labels)).toEqual({ app: 'dojot', name: 'iotagent-lwm2m' });
    expect(podSpec(d).restartPolicy).toBe('Always');
    const s = out.find('Service', 'iotagent-lwm2m');
    expect(originalLabels(s.metadata.labels)).toEqual({ name: 'iotagent-lwm2m' });
    expect(s.spec.selector).toEqual({ name: 'iotagent-lwm2m', app: 'dojot' });
  });

  it('runs dojot/iotagent-leshan', () => {
    expect(podSpec(d).containers.map((c: { name: string; image: string }) => [c.name, c.image])).toEqual([
      ['iotagent-lwm2m', 'dojot/iotagent-leshan:v0.6.0'],
    ]);
  });

  it('gives devices the file server address and ports of the profile, and reaches the others at their contract address', () => {
    expect(envOf(d, 'iotagent-lwm2m')).toEqual({
      FILE_SERVER_ADDRESS: 'localhost',
      FILE_SERVER_HTTP_PORT: '5896',
      FILE_SERVER_HTTPS_PORT: '30016',
      DOJOT_MANAGEMENT_USER: 'iotagent-lwm2m',
      KAFKA_GROUP_ID: 'iotagent-lwm2m-group',
      KAFKA_HOSTS: 'kafka-server:9092',
      KAFKA_ADDRESS: 'kafka-server:9092',
      IMGM_ADDRESS: 'image-manager:5000',
      DEVM_ADDRESS: 'http://device-manager:5000',
      AUTH_ADDRESS: 'http://auth:5000',
      DATA_BROKER_ADDRESS: 'http://data-broker:80',
    });
    const custom = synth(
      profileOf('default', { flavour: 'lwm2m', iotagentLwm2m: { fileServerAddress: 'files.example', fileServerHttpPort: 5896 } }),
    );
    const env = envOf(custom.find('Deployment', 'iotagent-lwm2m'), 'iotagent-lwm2m');
    expect(env).toMatchObject({ FILE_SERVER_ADDRESS: 'files.example', FILE_SERVER_HTTP_PORT: '5896' });
  });

  it('names the ports it listens on: CoAP, CoAPS and the file servers over UDP, HTTP on FILE_SERVER_HTTP_PORT', () => {
    expect(agent().ports).toEqual([
      { name: 'coap', containerPort: 5683, protocol: 'UDP' },
      { name: 'coaps', containerPort: 5684, protocol: 'UDP' },
      { name: 'file-coap', containerPort: 5693, protocol: 'UDP' },
      { name: 'file-coaps', containerPort: 5694, protocol: 'UDP' },
      { name: 'file-http', containerPort: 5896, protocol: 'TCP' },
    ]);
  });

  it('keeps the client address on a NodePort Service; the UDP ports match the container ports', () => {
    const s = out.find('Service', 'iotagent-lwm2m');
    expect(s.spec.type).toBe('NodePort');
    expect(s.spec.externalTrafficPolicy).toBe('Local');
    const listened = new Set(
      (agent().ports as { containerPort: number; protocol?: string }[]).filter((p) => p.protocol === 'UDP').map((p) => p.containerPort),
    );
    for (const p of s.spec.ports.filter((p: { protocol?: string }) => p.protocol === 'UDP'))
      expect(listened.has(p.targetPort ?? p.port)).toBe(true);
  });

  it('takes UDP NodePorts 30006-30009 and TCP 30010 with the 100k preset, and no port 5897 (nothing serves HTTPS)', () => {
    const big = synth(profileOf('100k', { flavour: 'lwm2m' }));
    expect(big.find('Service', 'iotagent-lwm2m').spec.ports).toEqual([
      { name: 'lwm2m-one', port: 5683, protocol: 'UDP', nodePort: 30006 },
      { name: 'lwm2m-two', port: 5684, protocol: 'UDP', nodePort: 30007 },
      { name: 'lwm2m-three', port: 5693, protocol: 'UDP', nodePort: 30008 },
      { name: 'lwm2m-four', port: 5694, protocol: 'UDP', nodePort: 30009 },
      { name: 'lwm2m-http', port: 5896, targetPort: 'file-http', nodePort: 30010 },
    ]);
    const pinned = big.find('Deployment', 'iotagent-lwm2m');
    expect(podSpec(pinned).affinity).toEqual(groupAffinity('dojot'));
    expect(envOf(pinned, 'iotagent-lwm2m').FILE_SERVER_ADDRESS).toBe('dojot.domain');
  });
});
