// kafka-ws (charts/kafka-ws): its Deployment and Redis StatefulSet, settings, TLS, Services, certificates claim and placement.
import { describe, expect, it } from 'vitest';
import { containerOf, envOf, groupAffinity, originalLabels, podSpec, profileOf, synth } from '../helpers/synth';

const SETTINGS = {
  KAFKA_WS_CONSUMER_METADATA_BROKER_LIST: 'kafka-server:9092',
  KAFKA_WS_SERVER_PORT: '8080',
  KAFKA_WS_REDIS_HOST: 'kafka-ws-redis',
  KAFKA_WS_REDIS_PORT: '6379',
  KAFKA_WS_SERVER_TLS: 'false',
  KAFKA_WS_SERVER_CA: '/opt/kafka-ws/certs/ca.crt',
  KAFKA_WS_SERVER_KEY: '/opt/kafka-ws/certs/kafka-ws.key',
  KAFKA_WS_SERVER_CERT: '/opt/kafka-ws/certs/kafka-ws.crt',
  KAFKA_WS_SERVER_REQUEST_CERT: 'true',
};

describe('kafka-ws (default profile: no TLS, no persistence)', () => {
  const out = synth(profileOf('default'));
  const d = out.find('Deployment', 'kafka-ws');

  it('runs dojot/kafka-ws with fsGroup 0, labelled and selected by name and app', () => {
    expect(originalLabels(d.metadata.labels)).toEqual({ name: 'kafka-ws', app: 'dojot' });
    expect(d.spec.selector.matchLabels).toEqual({ app: 'dojot', name: 'kafka-ws' });
    expect(d.spec.replicas).toBe(1);
    expect(podSpec(d).securityContext).toMatchObject({ fsGroup: 0 });
    expect(containerOf(d).image).toBe('dojot/kafka-ws:v0.6.0');
    expect(podSpec(d).affinity).toBeUndefined();
  });

  it('reads Kafka and its Redis at their contract addresses; plain WebSocket on 8080', () => {
    expect(envOf(d)).toEqual(SETTINGS);
    expect(containerOf(d).readinessProbe.httpGet).toEqual({ path: '/ready', port: 9000 });
    expect(containerOf(d).livenessProbe.httpGet).toEqual({ path: '/live', port: 9000 });
  });

  it('serves 8080 through its Service, and its Redis (6.0.4) through a named port of its own', () => {
    const s = out.find('Service', 'kafka-ws');
    expect(originalLabels(s.metadata.labels)).toEqual({ name: 'kafka-ws' });
    expect(s.spec).toEqual({ ports: [{ port: 8080, targetPort: 8080 }], selector: { app: 'dojot', name: 'kafka-ws' } });
    const redis = out.find('StatefulSet', 'kafka-ws-redis');
    expect(redis.spec.serviceName).toBe('kafka-ws-redis');
    expect(originalLabels(redis.metadata.labels)).toEqual({ name: 'kafka-ws-redis', app: 'dojot' });
    expect(containerOf(redis).image).toBe('dojot/redis:6.0.4-alpine3.11');
    expect(out.find('Service', 'kafka-ws-redis').spec).toEqual({
      ports: [{ name: 'kafka-ws-redis', port: 6379, targetPort: 6379 }],
      selector: { app: 'dojot', name: 'kafka-ws-redis' },
    });
  });

  it('has no claim and mounts no certificates without persistence', () => {
    expect(out.maybe('PersistentVolumeClaim', 'kafka-ws')).toBeUndefined();
    expect(containerOf(d).volumeMounts).toBeUndefined();
    expect(podSpec(d).volumes).toBeUndefined();
  });
});

describe('kafka-ws with the 100k preset', () => {
  const out = synth(profileOf('100k'));
  const d = out.find('Deployment', 'kafka-ws');

  it('claims its certificates (5Mi, ReadOnlyMany) and mounts them at /opt/kafka-ws/certs, still without TLS', () => {
    expect(out.find('PersistentVolumeClaim', 'kafka-ws').spec).toEqual({
      accessModes: ['ReadOnlyMany'],
      storageClassName: 'local-storage',
      resources: { requests: { storage: '5Mi' } },
      selector: { matchLabels: { app: 'dojot', name: 'kafka-ws' } },
    });
    expect(podSpec(d).volumes).toEqual([{ name: 'kafka-ws', persistentVolumeClaim: { claimName: 'kafka-ws' } }]);
    expect(containerOf(d).volumeMounts).toEqual([{ name: 'kafka-ws', mountPath: '/opt/kafka-ws/certs' }]);
    expect(envOf(d).KAFKA_WS_SERVER_TLS).toBe('false');
  });

  it('pins kafka-ws and its Redis to the dojot group', () => {
    expect(podSpec(d).affinity).toEqual(groupAffinity('dojot'));
    expect(podSpec(out.find('StatefulSet', 'kafka-ws-redis')).affinity).toEqual(groupAffinity('dojot'));
  });

  it('follows kafkaWs.port in its setting and Service', () => {
    const moved = synth(profileOf('100k', { kafkaWs: { port: 8081 } }));
    expect(envOf(moved.find('Deployment', 'kafka-ws')).KAFKA_WS_SERVER_PORT).toBe('8081');
    expect(moved.find('Service', 'kafka-ws').spec.ports).toEqual([{ port: 8081, targetPort: 8081 }]);
  });
});

describe('kafka-ws with TLS', () => {
  const out = synth(profileOf('default', { storageClassName: 'local-storage', kafkaWs: { tls: true, persistence: { enabled: true } } }));

  it('serves HTTPS, and is probed over plain HTTP: its health server (Lightship) has no TLS', () => {
    const d = out.find('Deployment', 'kafka-ws');
    expect(envOf(d)).toEqual({ ...SETTINGS, KAFKA_WS_SERVER_TLS: 'true' });
    expect(containerOf(d).readinessProbe.httpGet).toEqual({ path: '/ready', port: 9000 });
    expect(containerOf(d).livenessProbe.httpGet).toEqual({ path: '/live', port: 9000 });
  });

  it("is Kong's upstream over https", () => {
    const script = out.find('ConfigMap', 'kong-config').data['kong-config.sh'] as string;
    expect(script).toContain("endpoint 'kafka-ws' 'https://kafka-ws:8080/' '\"/kafka-ws\"' false\n");
  });
});

describe('kafka-ws in every flavour', () => {
  it.each([
    ['default', { flavour: 'mosca' }],
    ['default', { flavour: 'lwm2m' }],
  ] as const)('is deployed by %s %j, with its Redis', (preset, layer) => {
    const out = synth(profileOf(preset, layer));
    expect(containerOf(out.find('Deployment', 'kafka-ws')).image).toBe('dojot/kafka-ws:v0.6.0');
    expect(containerOf(out.find('StatefulSet', 'kafka-ws-redis')).image).toBe('dojot/redis:6.0.4-alpine3.11');
  });
});
