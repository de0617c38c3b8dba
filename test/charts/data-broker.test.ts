// data-broker (charts/data-broker): its Deployment and Redis, Kafka and Zookeeper settings, topic partitions, Services and flavours.
import { describe, expect, it } from 'vitest';
import { containerOf, envOf, groupAffinity, originalLabels, podSpec, profileOf, synth } from '../helpers/synth';

describe('data-broker (default profile: vernemq flavour)', () => {
  const out = synth(profileOf('default'));

  it('runs dojot/data-broker, labelled and selected by name and app', () => {
    const d = out.find('Deployment', 'data-broker');
    expect(podSpec(d).containers.map((c: { name: string; image: string }) => [c.name, c.image])).toEqual([
      ['data-broker', 'dojot/data-broker:v0.6.0'],
    ]);
    expect(d.spec.selector.matchLabels).toEqual({ app: 'dojot', name: 'data-broker' });
    expect(originalLabels(d.spec.template.metadata.labels)).toEqual({ app: 'dojot', name: 'data-broker' });
    expect(d.spec.replicas).toBe(1);
    expect(podSpec(d).affinity).toBeUndefined();
  });

  it('reaches Kafka and Zookeeper at their contract addresses, one partition per bridge (one), replication 1', () => {
    expect(envOf(out.find('Deployment', 'data-broker'))).toEqual({
      KAFKA_HOSTS: 'kafka-server:9092',
      KAFKA_GROUP_ID: 'data-broker-group',
      DATABROKER_ZOOKEEPER_HOST: 'zookeeper-client:2181',
      DATABROKER_KAFKA_ADDRESS: 'kafka-server',
      DATABROKER_KAFKA_PORT: '9092',
      KAFKA_NUM_PARTITIONS: '1',
      KAFKA_REPLICATION_FACTOR: '1',
    });
  });

  it('serves port 80 through its Service; its Redis on 6379 through its own', () => {
    const s = out.find('Service', 'data-broker');
    expect(originalLabels(s.metadata.labels)).toEqual({ name: 'data-broker' });
    expect(s.spec).toEqual({ ports: [{ port: 80, targetPort: 80 }], selector: { app: 'dojot', name: 'data-broker' } });
    expect(out.find('Service', 'data-broker-redis').spec).toEqual({
      ports: [{ port: 6379, targetPort: 6379 }],
      selector: { app: 'dojot', name: 'data-broker-redis' },
    });
    const redis = out.find('Deployment', 'data-broker-redis');
    expect(containerOf(redis).image).toBe('dojot/redis:5.0.5-alpine3.10');
    expect(envOf(redis)).toEqual({});
    expect(containerOf(redis).readinessProbe.exec.command).toEqual(['redis-cli', '-p', '6379', 'ping']);
  });

  it('is ready on /healthCheck with a token (it decodes one first), alive while port 80 accepts', () => {
    const c = containerOf(out.find('Deployment', 'data-broker'));
    expect(c.readinessProbe.httpGet).toMatchObject({ path: '/healthCheck', port: 80 });
    expect(c.readinessProbe.httpGet.httpHeaders).toEqual([{ name: 'Authorization', value: expect.stringMatching(/^Bearer \S+$/) }]);
    expect(c.livenessProbe.tcpSocket).toEqual({ port: 80 });
  });
});

describe('data-broker with the 100k preset', () => {
  const out = synth(profileOf('100k'));

  it('creates the topics with one partition per bridge (nine), pinned to the dojot group with its Redis', () => {
    const d = out.find('Deployment', 'data-broker');
    expect(envOf(d).KAFKA_NUM_PARTITIONS).toBe('9');
    expect(podSpec(d).affinity).toEqual(groupAffinity('dojot'));
    expect(podSpec(out.find('Deployment', 'data-broker-redis')).affinity).toEqual(groupAffinity('dojot'));
  });

  it("follows Kafka's port", () => {
    const moved = synth(profileOf('100k', { kafka: { port: 9093 } }));
    expect(envOf(moved.find('Deployment', 'data-broker'))).toMatchObject({
      KAFKA_HOSTS: 'kafka-server:9093',
      DATABROKER_KAFKA_PORT: '9093',
    });
  });
});

describe("data-broker follows Zookeeper's client port", () => {
  it('in DATABROKER_ZOOKEEPER_HOST', () => {
    const moved = synth(profileOf('default', { kafka: { port: 9093 }, mongodb: { port: 27018 }, zookeeper: { clientPort: 2182 } }));
    expect(envOf(moved.find('Deployment', 'data-broker')).DATABROKER_ZOOKEEPER_HOST).toBe('zookeeper-client:2182');
  });
});

describe('data-broker in every flavour', () => {
  it.each([
    ['default', { flavour: 'mosca' }],
    ['default', { flavour: 'lwm2m' }],
  ] as const)('is deployed by %s %j, with its Redis', (preset, layer) => {
    const out = synth(profileOf(preset, layer));
    expect(containerOf(out.find('Deployment', 'data-broker')).image).toBe('dojot/data-broker:v0.6.0');
    expect(containerOf(out.find('Deployment', 'data-broker-redis')).image).toBe('dojot/redis:5.0.5-alpine3.10');
  });
});

describe('data-broker with three Kafka brokers', () => {
  it("creates its tenants' topics with the brokers' own three copies (v0.6.0: one, lost with its broker)", () => {
    const out = synth(profileOf('100k', { kafka: { clusterSize: 3 }, zookeeper: { clusterSize: 3 }, capacity: { onExcess: 'warn' } }));
    expect(envOf(out.find('Deployment', 'data-broker')).KAFKA_REPLICATION_FACTOR).toBe('3');
    expect(envOf(out.find('StatefulSet', 'kafka-server')).KAFKA_DEFAULT_REPLICATION_FACTOR).toBe('3');
  });
});
