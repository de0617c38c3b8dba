// flowbroker (charts/flowbroker): its pod of three containers, addresses, Service, ServiceAccount and Role, and placement.
import { describe, expect, it } from 'vitest';
import { FLOW_NODE_NAMESPACE } from '../../charts/flowbroker/flow-nodes';
import { containerOf, envOf, groupAffinity, type ManifestObject, originalLabels, podSpec, profileOf, synth } from '../helpers/synth';

const images = (o: ManifestObject) => podSpec(o).containers.map((c: { name: string; image: string }) => [c.name, c.image]);

describe('flowbroker (default profile: vernemq flavour)', () => {
  const out = synth(profileOf('default'));
  const d = out.find('Deployment', 'flowbroker');

  it("labels and selects its Deployment and Service as the original's", () => {
    expect(originalLabels(d.metadata.labels)).toEqual({ name: 'flowbroker', app: 'dojot' });
    expect(d.spec.replicas).toBe(1);
    expect(d.spec.selector.matchLabels).toEqual({ app: 'dojot', name: 'flowbroker' });
    expect(originalLabels(d.spec.template.metadata.labels)).toEqual({ app: 'dojot', name: 'flowbroker' });
    expect(podSpec(d).restartPolicy).toBe('Always');
    const s = out.find('Service', 'flowbroker');
    expect(originalLabels(s.metadata.labels)).toEqual({ name: 'flowbroker' });
    expect(s.spec.selector).toEqual({ name: 'flowbroker', app: 'dojot' });
  });

  it('runs flowbroker, its Redis and its context manager in one pod, unpinned without node affinity', () => {
    expect(images(d)).toEqual([
      ['flowbroker', 'dojot/flowbroker:v0.6.0'],
      ['flowbroker-redis', 'dojot/redis:5.0.5-alpine3.10'],
      ['flowbroker-context-manager', 'dojot/flowbroker-context-manager:v0.6.0'],
    ]);
    expect(podSpec(d).affinity).toBeUndefined();
  });

  it('reaches every other service at its contract address, and its Redis and context manager on localhost', () => {
    expect(envOf(d, 'flowbroker')).toEqual({
      FLOWBROKER_CACHE_HOST: 'localhost',
      KAFKA_HOSTS: 'kafka-server:9092',
      CONTEXT_MANAGER_ADDRESS: 'localhost',
      CONTEXT_MANAGER_PORT: '5556',
      DEPLOY_ENGINE: 'kubernetes',
      KAFKA_GROUP_ID: 'flowbroker-group',
      DOJOT_MANAGEMENT_USER: 'flowbroker',
      AMQP_URL: 'amqp://rabbitmq:5672',
      MONGO_URL: 'mongodb://mongodb:27017',
      DEVICE_MANAGER_HOST: 'http://device-manager:5000',
      DEVICE_MANAGER_URL: 'http://device-manager:5000',
      DATA_BROKER_URL: 'http://data-broker:80',
      AUTH_URL: 'http://auth:5000',
    });
    expect(envOf(d, 'flowbroker-context-manager')).toEqual({
      SERVICE_PORT: '8080',
      ZOOKEEPER_HOST: 'zookeeper-client',
      ZOOKEEPER_PORT: '2181',
      ZEROMQ_PORT: '5556',
      HOLD_LOCK_TIMEOUT: '10000',
      WAIT_LOCK_TIMEOUT: '30000',
    });
    // Every address is a Service this flavour deploys.
    for (const name of ['kafka-server', 'rabbitmq', 'mongodb', 'device-manager', 'data-broker', 'auth', 'zookeeper-client'])
      expect(out.find('Service', name)).toBeDefined();
  });

  it('follows the contracts when a port changes', () => {
    const moved = synth(profileOf('default', { kafka: { port: 9093 }, mongodb: { port: 27018 }, zookeeper: { clientPort: 2182 } }));
    const fb = moved.find('Deployment', 'flowbroker');
    expect(envOf(fb, 'flowbroker')).toMatchObject({ KAFKA_HOSTS: 'kafka-server:9093', MONGO_URL: 'mongodb://mongodb:27018' });
    expect(envOf(fb, 'flowbroker-context-manager')).toMatchObject({ ZOOKEEPER_PORT: '2182' });
  });

  it('serves port 80 through its Service', () => {
    expect(out.find('Service', 'flowbroker').spec.ports).toEqual([{ port: 80 }]);
    expect(containerOf(d, 'flowbroker').ports).toEqual([{ name: 'http', containerPort: 80 }]);
  });

  it('runs as ServiceAccount flowbroker with its token mounted (it calls the API)', () => {
    expect(out.find('ServiceAccount', 'flowbroker').metadata.namespace).toBe('dojot');
    expect(podSpec(d).serviceAccountName).toBe('flowbroker');
    expect(podSpec(d).automountServiceAccountToken).toBe(true);
  });

  it('may only list, create, scale and delete Deployments and create and delete Services, in the namespace it calls', () => {
    const role = out.find('Role', 'flowbroker-role');
    expect(role.metadata.namespace).toBe(FLOW_NODE_NAMESPACE);
    expect(role.rules).toEqual([
      { apiGroups: ['apps'], resources: ['deployments'], verbs: ['list', 'create', 'patch', 'delete'] },
      { apiGroups: [''], resources: ['services'], verbs: ['create', 'delete'] },
    ]);
    const binding = out.find('RoleBinding', 'flowbroker-role-binding');
    expect(binding.metadata.namespace).toBe('dojot');
    expect(binding.roleRef).toEqual({ apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'flowbroker-role' });
    expect(binding.subjects).toEqual([{ kind: 'ServiceAccount', name: 'flowbroker', namespace: 'dojot' }]);
  });

  it('has no Role without kubernetesRbac, but keeps its ServiceAccount', () => {
    const noRbac = synth(profileOf('default', { kubernetesRbac: false }));
    expect(noRbac.maybe('Role', 'flowbroker-role')).toBeUndefined();
    expect(noRbac.maybe('RoleBinding', 'flowbroker-role-binding')).toBeUndefined();
    expect(noRbac.find('ServiceAccount', 'flowbroker')).toBeDefined();
  });

  it('is pinned to the dojot group with node affinity', () => {
    const pinned = synth(profileOf('100k', { flavour: 'vernemq' }));
    expect(podSpec(pinned.find('Deployment', 'flowbroker')).affinity).toEqual(groupAffinity('dojot'));
  });
});
