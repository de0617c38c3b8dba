// kafka (charts/kafka): the broker StatefulSet, its headless Service and PodDisruptionBudget, settings, volume and placement.
import { describe, expect, it } from 'vitest';
import { containerOf, envOf, groupAffinity, originalLabels, podSpec, profileOf, synth } from '../helpers/synth';

describe('kafka (default profile: one broker, no persistence)', () => {
  const out = synth(profileOf('default'));
  const sts = out.find('StatefulSet', 'kafka-server');

  it('runs confluentinc/cp-kafka:5.5.0 as one broker governed by kafka-server, uid and fsGroup 1000', () => {
    expect(sts.spec.replicas).toBe(1);
    expect(sts.spec.serviceName).toBe('kafka-server');
    expect(sts.spec.selector.matchLabels).toEqual({ app: 'dojot', name: 'kafka-server' });
    expect(originalLabels(sts.spec.template.metadata.labels)).toEqual({ app: 'dojot', name: 'kafka-server' });
    const c = containerOf(sts);
    expect(c.name).toBe('kafka');
    expect(c.image).toBe('confluentinc/cp-kafka:5.5.0');
    expect(c.imagePullPolicy).toBe('IfNotPresent');
    expect(c.ports).toEqual([
      { containerPort: 9092, name: 'server' },
      { containerPort: 29092, name: 'client' },
    ]);
    expect(podSpec(sts).terminationGracePeriodSeconds).toBe(300);
    expect(podSpec(sts).securityContext).toMatchObject({ runAsUser: 1000, fsGroup: 1000 });
    expect(podSpec(sts).affinity).toBeUndefined();
  });

  it("one broker: a fixed id and listener, replication 1, v0.6.0's retention, Zookeeper from its contract", () => {
    expect(containerOf(sts).command).toBeUndefined();
    expect(envOf(sts)).toEqual({
      KAFKA_BROKER_ID: '1',
      KAFKA_ZOOKEEPER_CONNECT: 'zookeeper-client:2181',
      KAFKA_ADVERTISED_LISTENERS: 'PLAINTEXT://:9092',
      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
      KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: '1',
      KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '1',
      KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: '0',
      KAFKA_LOG_RETENTION_MINUTES: '30',
      KAFKA_LOG_SEGMENT_BYTES: '262144000',
      KAFKA_LOG_RETENTION_CHECK_INTERVAL_MS: '30000',
    });
  });

  it('is ready once kafka-broker-api-versions answers, alive while its port accepts', () => {
    const c = containerOf(sts);
    expect(c.readinessProbe).toEqual({
      exec: { command: ['sh', '-c', '/usr/bin/kafka-broker-api-versions --bootstrap-server=localhost:9092'] },
      periodSeconds: 30,
      timeoutSeconds: 20,
      failureThreshold: 3,
    });
    expect(c.livenessProbe.tcpSocket).toEqual({ port: 9092 });
    expect(c.startupProbe).toEqual({ tcpSocket: { port: 9092 }, failureThreshold: 30, periodSeconds: 10, timeoutSeconds: 5 });
  });

  it('has no volume without persistence', () => {
    expect(sts.spec.volumeClaimTemplates).toBeUndefined();
    expect(containerOf(sts).volumeMounts).toBeUndefined();
  });

  it('is reached through the headless kafka-server Service on its named port', () => {
    const s = out.find('Service', 'kafka-server');
    expect(originalLabels(s.metadata.labels)).toEqual({ name: 'kafka-server' });
    // One broker: no address published before it is ready.
    expect(s.spec).toEqual({
      clusterIP: 'None',
      ports: [{ name: 'kafka-server', port: 9092, targetPort: 'server' }],
      selector: { app: 'dojot', name: 'kafka-server' },
    });
  });

  it('lets one broker down at a time (kafka-pdb)', () => {
    const pdb = out.find('PodDisruptionBudget', 'kafka-pdb');
    expect(pdb.apiVersion).toBe('policy/v1');
    expect(pdb.spec).toEqual({ maxUnavailable: 1, selector: { matchLabels: { app: 'dojot', name: 'kafka-server' } } });
  });
});

describe('kafka with the 100k preset', () => {
  const out = synth(profileOf('100k'));
  const sts = out.find('StatefulSet', 'kafka-server');

  it('claims kafka-volume (2Gi of local-storage) by template, mounted at /var/lib/kafka/data', () => {
    expect(sts.spec.volumeClaimTemplates).toEqual([
      {
        metadata: { name: 'kafka-volume' },
        spec: {
          accessModes: ['ReadWriteOnce'],
          storageClassName: 'local-storage',
          resources: { requests: { storage: '2Gi' } },
          selector: { matchLabels: { app: 'dojot', name: 'kafka-server' } },
        },
      },
    ]);
    expect(containerOf(sts).volumeMounts).toEqual([{ mountPath: '/var/lib/kafka/data', name: 'kafka-volume' }]);
  });

  it('is pinned to the kafka group', () => {
    expect(podSpec(sts).affinity).toEqual(groupAffinity('kafka'));
  });
});

describe("kafka follows its port and Zookeeper's", () => {
  it('listens, advertises and is probed on kafka.port', () => {
    const moved = synth(profileOf('100k', { kafka: { port: 9093 } }));
    const s = moved.find('StatefulSet', 'kafka-server');
    expect(containerOf(s).ports[0]).toEqual({ containerPort: 9093, name: 'server' });
    expect(envOf(s).KAFKA_ADVERTISED_LISTENERS).toBe('PLAINTEXT://:9093');
    expect(containerOf(s).readinessProbe.exec.command[2]).toBe('/usr/bin/kafka-broker-api-versions --bootstrap-server=localhost:9093');
    expect(moved.find('Service', 'kafka-server').spec.ports).toEqual([{ name: 'kafka-server', port: 9093, targetPort: 'server' }]);
  });

  it("connects to Zookeeper's client port", () => {
    const moved = synth(profileOf('default', { kafka: { port: 9093 }, mongodb: { port: 27018 }, zookeeper: { clientPort: 2182 } }));
    expect(envOf(moved.find('StatefulSet', 'kafka-server')).KAFKA_ZOOKEEPER_CONNECT).toBe('zookeeper-client:2182');
  });
});

describe('kafka in every flavour', () => {
  it.each([
    ['default', { flavour: 'mosca' }],
    ['default', { flavour: 'lwm2m' }],
  ] as const)('is deployed by %s %j', (preset, layer) => {
    const out = synth(profileOf(preset, layer));
    expect(containerOf(out.find('StatefulSet', 'kafka-server')).image).toBe('confluentinc/cp-kafka:5.5.0');
    expect(out.find('PodDisruptionBudget', 'kafka-pdb').spec.maxUnavailable).toBe(1);
  });
});
