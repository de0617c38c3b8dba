// iotagent-mosca (charts/iotagent-mosca, mosca flavour): the agent and its Redis, its addresses, MQTT ports and NodePorts.
import { describe, expect, it } from 'vitest';
import { containerOf, envOf, groupAffinity, originalLabels, podSpec, profileOf, synth } from '../helpers/synth';

describe('iotagent-mosca (mosca flavour)', () => {
  const out = synth(profileOf('default', { flavour: 'mosca' }));
  const d = out.find('Deployment', 'iotagent-mosca');

  it("labels and selects its Deployment and Service as the original's", () => {
    expect(originalLabels(d.metadata.labels)).toEqual({ name: 'iotagent-mosca', app: 'dojot' });
    expect(d.spec.replicas).toBe(1);
    expect(d.spec.selector.matchLabels).toEqual({ app: 'dojot', name: 'iotagent-mosca' });
    expect(originalLabels(d.spec.template.metadata.labels)).toEqual({ app: 'dojot', name: 'iotagent-mosca' });
    expect(podSpec(d).restartPolicy).toBe('Always');
    const s = out.find('Service', 'iotagent-mosca');
    expect(originalLabels(s.metadata.labels)).toEqual({ name: 'iotagent-mosca' });
    expect(s.spec.selector).toEqual({ name: 'iotagent-mosca', app: 'dojot' });
  });

  it('runs the agent with its Redis beside it', () => {
    expect(podSpec(d).containers.map((c: { name: string; image: string }) => [c.name, c.image])).toEqual([
      ['iotagent-mosca', 'dojot/iotagent-mosca:v0.6.0'],
      ['redis', 'dojot/redis:5.0.5-alpine3.10'],
    ]);
    expect(containerOf(d, 'redis').ports).toEqual([{ containerPort: 6379 }]);
  });

  it('gets its certificate from x509-identity-mgmt, its addresses from the contracts, and no ejbca-wrapper', () => {
    expect(envOf(d, 'iotagent-mosca')).toEqual({
      MOSCA_TLS_DNS_LIST: 'localhost',
      LOG_LEVEL: 'info',
      MOSCA_TLS_X509_IDENTITY_MGMT: 'http://x509-identity-mgmt:3000',
      BACKEND_HOST: 'localhost',
      DOJOT_MANAGEMENT_USER: 'iotagent-mqtt',
      KAFKA_GROUP_ID: 'iotagent-mqtt-group',
      ALLOW_UNSECURED_MODE: 'true',
      KAFKA_HOSTS: 'kafka-server:9092',
      DATA_BROKER_URL: 'http://data-broker:80',
      AUTH_URL: 'http://auth:5000',
      DEVICE_MANAGER_URL: 'http://device-manager:5000',
    });
    expect(Object.values(out.files).join('\n')).not.toContain('ejbca-wrapper');
    expect(out.find('Service', 'x509-identity-mgmt').spec.ports[0].port).toBe(3000);
  });

  it('opens plain MQTT with insecureMqtt on a NodePort Service that keeps the client address', () => {
    const s = out.find('Service', 'iotagent-mosca');
    expect(s.spec.type).toBe('NodePort');
    expect(s.spec.externalTrafficPolicy).toBe('Local');
    // NodePorts are not pinned in the default profile.
    expect(s.spec.ports).toEqual([
      { name: 'mqtt-insecure', port: 1883 },
      { name: 'mqtt-secure', port: 8883 },
    ]);
    expect(containerOf(d, 'iotagent-mosca').ports).toEqual([
      { name: 'mqtt-secure', containerPort: 8883 },
      { name: 'mqtt-insecure', containerPort: 1883 },
    ]);
  });

  it('leaves plain MQTT closed without insecureMqtt (the original always opened 1883)', () => {
    const secure = synth(profileOf('default', { flavour: 'mosca', vernemq: { insecureMqtt: false } }));
    const agent = secure.find('Deployment', 'iotagent-mosca');
    expect(secure.find('Service', 'iotagent-mosca').spec.ports).toEqual([{ name: 'mqtt-secure', port: 8883 }]);
    expect(envOf(agent, 'iotagent-mosca').ALLOW_UNSECURED_MODE).toBe('false');
    expect(containerOf(agent, 'iotagent-mosca').ports).toEqual([{ name: 'mqtt-secure', containerPort: 8883 }]);
  });

  it('takes NodePorts 30004/30005 and the dojot group with the 100k preset', () => {
    const big = synth(profileOf('100k', { flavour: 'mosca' }));
    const agent = big.find('Deployment', 'iotagent-mosca');
    expect(big.find('Service', 'iotagent-mosca').spec.ports).toEqual([
      { name: 'mqtt-insecure', port: 1883, nodePort: 30004 },
      { name: 'mqtt-secure', port: 8883, nodePort: 30005 },
    ]);
    expect(podSpec(agent).affinity).toEqual(groupAffinity('dojot'));
    expect(envOf(agent, 'iotagent-mosca').MOSCA_TLS_DNS_LIST).toBe('dojot.domain');
    expect(big.maybe('StatefulSet', 'vernemq-k8s')).toBeUndefined();
  });
});
