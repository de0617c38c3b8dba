// zookeeper (charts/zookeeper): the StatefulSet, its cluster and client Services, settings, ensemble, volumes and placement.
import { describe, expect, it } from 'vitest';
import { containerOf, envOf, groupAffinity, originalLabels, podSpec, profileOf, synth } from '../helpers/synth';

describe('zookeeper (default profile: one server, no persistence)', () => {
  const out = synth(profileOf('default'));
  const sts = out.find('StatefulSet', 'zookeeper');

  it('runs confluentinc/cp-zookeeper:5.5.0, governed by zookeeper-cluster, rolled in parallel', () => {
    expect(originalLabels(sts.metadata.labels)).toEqual({ name: 'zookeeper', app: 'dojot' });
    expect(sts.spec.selector.matchLabels).toEqual({ app: 'dojot', name: 'zookeeper' });
    expect(sts.spec.replicas).toBe(1);
    expect(sts.spec.serviceName).toBe('zookeeper-cluster');
    expect(sts.spec.updateStrategy).toEqual({ type: 'RollingUpdate' });
    expect(sts.spec.podManagementPolicy).toBe('Parallel');
    expect(podSpec(sts).terminationGracePeriodSeconds).toBe(1200);
    expect(podSpec(sts).securityContext).toMatchObject({ runAsUser: 1000, fsGroup: 1000 });
    const c = containerOf(sts);
    expect(c.name).toBe('zookeeper');
    expect(c.image).toBe('confluentinc/cp-zookeeper:5.5.0');
    expect(c.imagePullPolicy).toBe('IfNotPresent');
    expect(c.ports).toEqual([
      { containerPort: 2181, name: 'client' },
      { containerPort: 2888, name: 'server' },
      { containerPort: 3888, name: 'leader-election' },
    ]);
    expect(podSpec(sts).affinity).toBeUndefined();
  });

  it("one server: no server list, the original's settings", () => {
    expect(containerOf(sts).command).toBeUndefined();
    expect(envOf(sts)).toEqual({
      ZOOKEEPER_REPLICAS: '1',
      ZOOKEEPER_CLIENT_PORT: '2181',
      ZOOKEEPER_ELECTION_PORT: '3888',
      ZOOKEEPER_SERVER_PORT: '2888',
      ZOOKEEPER_HEAP_SIZE: '2G',
      ZOOKEEPER_INIT_LIMIT: '5',
      ZOOKEEPER_LOG_LEVEL: 'INFO',
      ZOOKEEPER_MAX_CLIENT_CNXNS: '100',
      ZOOKEEPER_MAX_SESSION_TIMEOUT: '40000',
      ZOOKEEPER_MIN_SESSION_TIMEOUT: '4000',
      ZOOKEEPER_PURGE_INTERVAL: '0',
      ZOOKEEPER_SNAP_RETAIN_COUNT: '3',
      ZOOKEEPER_SYNC_LIMIT: '10',
      ZOOKEEPER_TICK_TIME: '2000',
    });
  });

  it('is ready while `srvr` names a Mode, alive while the client port accepts', () => {
    const c = containerOf(sts);
    expect(c.readinessProbe.exec.command).toEqual(['sh', '-c', 'echo srvr | nc -w 2 127.0.0.1 2181 | grep -q Mode:']);
    expect(c.livenessProbe.tcpSocket).toEqual({ port: 2181 });
    expect(c.startupProbe.tcpSocket).toEqual({ port: 2181 });
  });

  it('has no volume without persistence', () => {
    expect(sts.spec.volumeClaimTemplates).toBeUndefined();
    expect(containerOf(sts).volumeMounts).toBeUndefined();
  });

  it('has a headless cluster Service with the three ports, and a client Service with the client port', () => {
    const cluster = out.find('Service', 'zookeeper-cluster');
    expect(originalLabels(cluster.metadata.labels)).toEqual({ app: 'dojot', name: 'zookeeper-cluster' });
    expect(cluster.spec).toEqual({
      clusterIP: 'None',
      ports: [
        { name: 'server', port: 2888, targetPort: 'server' },
        { name: 'leader-election', port: 3888, targetPort: 'leader-election' },
        { name: 'client', port: 2181, targetPort: 'client' },
      ],
      selector: { app: 'dojot', name: 'zookeeper' },
    });
    const client = out.find('Service', 'zookeeper-client');
    expect(originalLabels(client.metadata.labels)).toEqual({ app: 'dojot', name: 'zookeeper-client' });
    expect(client.spec).toEqual({
      ports: [{ name: 'client', port: 2181, targetPort: 'client' }],
      selector: { app: 'dojot', name: 'zookeeper' },
    });
  });
});

describe('zookeeper with the 100k preset', () => {
  const out = synth(profileOf('100k'));
  const sts = out.find('StatefulSet', 'zookeeper');

  it('claims a data and a log volume (1Gi each) by template, mounted under /var/lib/zookeeper', () => {
    const claim = (name: string, selector: string) => ({
      metadata: { name, namespace: 'dojot' },
      spec: {
        accessModes: ['ReadWriteOnce'],
        storageClassName: 'local-storage',
        resources: { requests: { storage: '1Gi' } },
        selector: { matchLabels: { app: 'dojot', name: selector } },
      },
    });
    expect(sts.spec.volumeClaimTemplates).toEqual([claim('zk-volume-data', 'zookeeper-data'), claim('zk-volume-log', 'zookeeper-log')]);
    expect(containerOf(sts).volumeMounts).toEqual([
      { name: 'zk-volume-data', mountPath: '/var/lib/zookeeper/data' },
      { name: 'zk-volume-log', mountPath: '/var/lib/zookeeper/log' },
    ]);
  });

  it('is pinned to the kafka group', () => {
    expect(podSpec(sts).affinity).toEqual(groupAffinity('kafka'));
  });
});

describe('a Zookeeper ensemble of three', () => {
  // Three brokers and three servers outgrow the guide's one Kafka machine: three machines (as test/charts/scale-out.test.ts).
  const out = synth(
    profileOf('100k', { kafka: { clusterSize: 3 }, zookeeper: { clusterSize: 3 }, capacity: { machines: { kafka: { count: 3 } } } }),
  );
  const sts = out.find('StatefulSet', 'zookeeper');

  it('lists every server by its stable name, each taking its id from its ordinal', () => {
    expect(sts.spec.replicas).toBe(3);
    expect(envOf(sts)).toMatchObject({
      ZOOKEEPER_SERVERS: [0, 1, 2].map((i) => `zookeeper-${i}.zookeeper-cluster.dojot.svc.cluster.local:2888:3888`).join(';'),
      ZOOKEEPER_QUORUM_LISTEN_ON_ALL_IPS: 'true',
      ZOOKEEPER_REPLICAS: '3',
    });
    expect(containerOf(sts).command).toEqual([
      'bash',
      '-c',
      'export ZOOKEEPER_SERVER_ID=$(( ${HOSTNAME##*-} + 1 ))\nexec /etc/confluent/docker/run',
    ]);
  });

  it('publishes the servers before they are ready, so that they find each other', () => {
    expect(out.find('Service', 'zookeeper-cluster').spec.publishNotReadyAddresses).toBe(true);
    expect(out.find('Service', 'zookeeper-client').spec.publishNotReadyAddresses).toBeUndefined();
  });
});

describe('zookeeper follows its client port', () => {
  it('in its container port, settings, probes and Services', () => {
    const moved = synth(profileOf('default', { kafka: { port: 9093 }, mongodb: { port: 27018 }, zookeeper: { clientPort: 2182 } }));
    const sts = moved.find('StatefulSet', 'zookeeper');
    expect(containerOf(sts).ports[0]).toEqual({ containerPort: 2182, name: 'client' });
    expect(envOf(sts).ZOOKEEPER_CLIENT_PORT).toBe('2182');
    expect(containerOf(sts).livenessProbe.tcpSocket).toEqual({ port: 2182 });
    expect(moved.find('Service', 'zookeeper-client').spec.ports).toEqual([{ name: 'client', port: 2182, targetPort: 'client' }]);
  });
});

describe('zookeeper in every flavour', () => {
  it.each([
    ['default', { flavour: 'mosca' }],
    ['default', { flavour: 'lwm2m' }],
  ] as const)('is deployed by %s %j', (preset, layer) => {
    const out = synth(profileOf(preset, layer));
    expect(containerOf(out.find('StatefulSet', 'zookeeper')).image).toBe('confluentinc/cp-zookeeper:5.5.0');
    expect(out.find('Service', 'zookeeper-client').spec.ports[0].port).toBe(2181);
  });
});
