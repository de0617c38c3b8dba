import { describe, expect, it } from 'vitest';
import { FLOW_NODE_NAMESPACE } from '../../charts/flowbroker/flow-nodes';
import { type ManifestObject, type Synthesized, podSpec, profileOf, synth, originalLabels } from '../helpers/synth';

// flowbroker, iotagent-mosca and iotagent-lwm2m: the facts of roles/<role>/templates and defaults
// of ansible-dojot v0.6.0, and of the services' own sources at v0.6.0.

interface Container {
  name: string;
  image: string;
  env?: { name: string; value?: string }[];
  ports?: { name?: string; containerPort: number; protocol?: string }[];
}

const containers = (o: ManifestObject): Container[] => podSpec(o).containers;
const container = (o: ManifestObject, name: string) => {
  const found = containers(o).find((c) => c.name === name);
  if (!found) throw new Error(`${o.metadata.name} has no container ${name}`);
  return found;
};
/** A container's environment as name → value (these charts read no Secret). */
const envOf = (o: ManifestObject, name: string) => Object.fromEntries((container(o, name).env ?? []).map((e) => [e.name, e.value]));
const DOJOT_GROUP = {
  nodeAffinity: {
    requiredDuringSchedulingIgnoredDuringExecution: {
      nodeSelectorTerms: [{ matchExpressions: [{ key: 'dojot.components/group', operator: 'In', values: ['dojot'] }] }],
    },
  },
};

function expectDojotWorkload(out: Synthesized, name: string): ManifestObject {
  const d = out.find('Deployment', name);
  expect(originalLabels(d.metadata.labels)).toEqual({ name, app: 'dojot' });
  expect(d.spec.replicas).toBe(1);
  expect(d.spec.selector.matchLabels).toEqual({ app: 'dojot', name });
  expect(originalLabels(d.spec.template.metadata.labels)).toEqual({ app: 'dojot', name });
  expect(podSpec(d).restartPolicy).toBe('Always');
  const s = out.find('Service', name);
  expect(originalLabels(s.metadata.labels)).toEqual({ name });
  expect(s.spec.selector).toEqual({ name, app: 'dojot' });
  return d;
}

describe('flowbroker (default profile: vernemq flavour)', () => {
  const out = synth(profileOf('default'));
  const d = expectDojotWorkload(out, 'flowbroker');

  it('runs flowbroker, its Redis and its context manager in one pod, unpinned without node affinity', () => {
    expect(containers(d).map((c) => [c.name, c.image])).toEqual([
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
    expect(container(d, 'flowbroker').ports).toEqual([{ name: 'http', containerPort: 80 }]);
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

  it('deploys no IoT agent in the vernemq flavour', () => {
    for (const name of ['iotagent-mosca', 'iotagent-lwm2m']) {
      expect(out.maybe('Deployment', name)).toBeUndefined();
      expect(out.maybe('Service', name)).toBeUndefined();
    }
  });

  it('is pinned to the dojot group with node affinity', () => {
    const pinned = synth(profileOf('100k', { flavour: 'vernemq' }));
    expect(podSpec(pinned.find('Deployment', 'flowbroker')).affinity).toEqual(DOJOT_GROUP);
  });
});

describe('iotagent-mosca (mosca flavour)', () => {
  const out = synth(profileOf('default', { flavour: 'mosca' }));
  const d = expectDojotWorkload(out, 'iotagent-mosca');

  it('runs the agent with its Redis beside it', () => {
    expect(containers(d).map((c) => [c.name, c.image])).toEqual([
      ['iotagent-mosca', 'dojot/iotagent-mosca:v0.6.0'],
      ['redis', 'dojot/redis:5.0.5-alpine3.10'],
    ]);
    expect(container(d, 'redis').ports).toEqual([{ containerPort: 6379 }]);
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
    expect(container(d, 'iotagent-mosca').ports).toEqual([
      { name: 'mqtt-secure', containerPort: 8883 },
      { name: 'mqtt-insecure', containerPort: 1883 },
    ]);
  });

  it('leaves plain MQTT closed without insecureMqtt (the original always opened 1883)', () => {
    const secure = synth(profileOf('default', { flavour: 'mosca', vernemq: { insecureMqtt: false } }));
    const agent = secure.find('Deployment', 'iotagent-mosca');
    expect(secure.find('Service', 'iotagent-mosca').spec.ports).toEqual([{ name: 'mqtt-secure', port: 8883 }]);
    expect(envOf(agent, 'iotagent-mosca').ALLOW_UNSECURED_MODE).toBe('false');
    expect(container(agent, 'iotagent-mosca').ports).toEqual([{ name: 'mqtt-secure', containerPort: 8883 }]);
  });

  it('deploys no VerneMQ, no bridge and no kafka-loopback, but flowbroker', () => {
    expect(out.maybe('StatefulSet', 'vernemq-k8s')).toBeUndefined();
    expect(out.maybe('Service', 'vernemq-k8s-external-service')).toBeUndefined();
    for (const name of ['v2k-bridge', 'k2v-bridge']) expect(out.maybe('Deployment', name)).toBeUndefined();
    expect(out.objects.filter((o) => o.metadata.name === 'kafka-loopback')).toEqual([]);
    const images = out.objects.flatMap((o) => (o.spec?.template ? containers(o).map((c) => c.image) : []));
    expect(images.filter((i) => /vernemq|v2k-bridge|k2v-bridge|kafka-loopback/.test(i))).toEqual([]);
    expect(out.find('Deployment', 'flowbroker')).toBeDefined();
  });

  it('takes NodePorts 30004/30005 and the dojot group with the 100k preset', () => {
    const big = synth(profileOf('100k', { flavour: 'mosca' }));
    const agent = big.find('Deployment', 'iotagent-mosca');
    expect(big.find('Service', 'iotagent-mosca').spec.ports).toEqual([
      { name: 'mqtt-insecure', port: 1883, nodePort: 30004 },
      { name: 'mqtt-secure', port: 8883, nodePort: 30005 },
    ]);
    expect(podSpec(agent).affinity).toEqual(DOJOT_GROUP);
    expect(envOf(agent, 'iotagent-mosca').MOSCA_TLS_DNS_LIST).toBe('dojot.domain');
    expect(big.maybe('StatefulSet', 'vernemq-k8s')).toBeUndefined();
  });
});

describe('iotagent-lwm2m (lwm2m flavour)', () => {
  const out = synth(profileOf('default', { flavour: 'lwm2m' }));
  const d = expectDojotWorkload(out, 'iotagent-lwm2m');
  const agent = () => container(d, 'iotagent-lwm2m');

  it('runs dojot/iotagent-leshan, and no other IoT agent or broker', () => {
    expect(containers(d).map((c) => [c.name, c.image])).toEqual([['iotagent-lwm2m', 'dojot/iotagent-leshan:v0.6.0']]);
    expect(out.maybe('Deployment', 'iotagent-mosca')).toBeUndefined();
    expect(out.maybe('StatefulSet', 'vernemq-k8s')).toBeUndefined();
    expect(out.maybe('Deployment', 'v2k-bridge')).toBeUndefined();
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
      agent()
        .ports!.filter((p) => p.protocol === 'UDP')
        .map((p) => p.containerPort),
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
    expect(podSpec(pinned).affinity).toEqual(DOJOT_GROUP);
    expect(envOf(pinned, 'iotagent-lwm2m').FILE_SERVER_ADDRESS).toBe('dojot.domain');
  });
});
