import { describe, expect, it } from 'vitest';
import { HOST_DIRECTORIES_SCRIPT } from '../../charts/storage/host-directories';
import { podSpec, profileOf, synth } from '../helpers/synth';

// Three brokers and three servers outgrow the guide's one Kafka machine (test/cli/bad-inputs.test.ts): three machines.
const out = synth(
  profileOf('100k', { kafka: { clusterSize: 3 }, zookeeper: { clusterSize: 3 }, capacity: { machines: { kafka: { count: 3 } } } }),
);
const envOf = (kind: string, name: string) =>
  Object.fromEntries(podSpec(out.find(kind, name)).containers[0].env.map((e: { name: string; value: string }) => [e.name, e.value]));

describe('Kafka and Zookeeper scaled out to three', () => {
  it('run three replicas each, with three local volumes each on the Kafka group', () => {
    expect(out.find('StatefulSet', 'kafka-server').spec.replicas).toBe(3);
    expect(out.find('StatefulSet', 'zookeeper').spec.replicas).toBe(3);
    const pvs = out.ofKind('PersistentVolume').map((v) => v.metadata.name);
    expect(pvs.filter((n) => /^local-pv-kafka(-\d+)?$/.test(n)).sort()).toEqual(['local-pv-kafka', 'local-pv-kafka-1', 'local-pv-kafka-2']);
    expect(pvs.filter((n) => n.startsWith('local-pv-zk-data')).sort()).toEqual([
      'local-pv-zk-data',
      'local-pv-zk-data-1',
      'local-pv-zk-data-2',
    ]);
    expect(pvs.filter((n) => n.startsWith('local-pv-zk-log'))).toHaveLength(3);
    const kafka1 = out.find('PersistentVolume', 'local-pv-kafka-1');
    expect(kafka1.spec.local.path).toBe('/mnt/data/kafka-1');
    // The same labels: each claim of the StatefulSet's template binds one of them.
    expect(kafka1.metadata.labels).toEqual(out.find('PersistentVolume', 'local-pv-kafka').metadata.labels);
    expect(out.files[HOST_DIRECTORIES_SCRIPT]).toMatch(/\/mnt\/data\/kafka-2\b/);
    expect(out.files[HOST_DIRECTORIES_SCRIPT]).toMatch(/\/mnt\/data\/zookeeper\/log-2\b/);
  });

  it('give each broker its id and address from its pod, none fixed', () => {
    const kafka = podSpec(out.find('StatefulSet', 'kafka-server')).containers[0];
    expect(envOf('StatefulSet', 'kafka-server').KAFKA_BROKER_ID).toBeUndefined();
    expect(envOf('StatefulSet', 'kafka-server').KAFKA_ADVERTISED_LISTENERS).toBeUndefined();
    expect(kafka.command).toEqual([
      'bash',
      '-c',
      'export KAFKA_BROKER_ID=$(( ${HOSTNAME##*-} + 1 ))\nexport KAFKA_ADVERTISED_LISTENERS=PLAINTEXT://${HOSTNAME}.kafka-server.dojot.svc.cluster.local:9092\nexec /etc/confluent/docker/run',
    ]);
    expect(out.find('Service', 'kafka-server').spec).toMatchObject({ clusterIP: 'None', publishNotReadyAddresses: true });
  });

  it('replicate three ways with two in sync', () => {
    expect(envOf('StatefulSet', 'kafka-server')).toMatchObject({
      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '3',
      KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '3',
      KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: '2',
      KAFKA_DEFAULT_REPLICATION_FACTOR: '3',
      KAFKA_MIN_INSYNC_REPLICAS: '2',
    });
  });

  it('name every server of the ensemble, each taking its id from its ordinal', () => {
    const env = envOf('StatefulSet', 'zookeeper');
    expect(env.ZOOKEEPER_SERVERS).toBe(
      [0, 1, 2].map((i) => `zookeeper-${i}.zookeeper-cluster.dojot.svc.cluster.local:2888:3888`).join(';'),
    );
    expect(env.ZOOKEEPER_QUORUM_LISTEN_ON_ALL_IPS).toBe('true');
    expect(podSpec(out.find('StatefulSet', 'zookeeper')).containers[0].command[2]).toBe(
      'export ZOOKEEPER_SERVER_ID=$(( ${HOSTNAME##*-} + 1 ))\nexec /etc/confluent/docker/run',
    );
    expect(out.find('Service', 'zookeeper-cluster').spec.publishNotReadyAddresses).toBe(true);
  });

  it('keep one disruption budget per workload, and spread the brokers', () => {
    const budgets = out.ofKind('PodDisruptionBudget').filter((b) => b.spec.selector.matchLabels.name === 'kafka-server');
    expect(budgets.map((b) => b.metadata.name)).toEqual(['kafka-pdb']);
    expect(out.find('PodDisruptionBudget', 'zookeeper').spec.maxUnavailable).toBe(1);
    expect(podSpec(out.find('StatefulSet', 'kafka-server')).topologySpreadConstraints[0].topologyKey).toBe('kubernetes.io/hostname');
  });

  it('leave a single broker as v0.6.0 had it: id 1, factor 1', () => {
    const one = synth(profileOf('100k'));
    const env = Object.fromEntries(
      podSpec(one.find('StatefulSet', 'kafka-server')).containers[0].env.map((e: { name: string; value: string }) => [e.name, e.value]),
    );
    expect(env).toMatchObject({
      KAFKA_BROKER_ID: '1',
      KAFKA_ADVERTISED_LISTENERS: 'PLAINTEXT://:9092',
      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
    });
    expect(podSpec(one.find('StatefulSet', 'kafka-server')).containers[0].command).toBeUndefined();
  });
});
