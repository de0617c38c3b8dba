import type { ProfileLayer } from '../types';

/**
 * The installation guide's environment: up to 100,000 MQTT devices on 8 machines
 * (HAProxy, control plane, dojot, kafka, x509, three VerneMQ nodes), local volumes,
 * fixed NodePorts for the load balancer and every workload pinned to its node group.
 */
export const PRESET_100K: ProfileLayer = {
  // The guide's flavour, `--tags 100k`; `{ preset: 100k, flavour: vernemq }` is the whole platform with its settings.
  flavour: '100k',
  namespace: 'dojot',
  version: 'v0.6.0',
  domainName: 'dojot.domain',
  storageClassName: 'local-storage',
  kubernetesRbac: true,
  zookeeper: { persistence: { enabled: true } },
  postgres: { persistence: { enabled: true } },
  x509IdentityMgmt: { replicas: 1, persistence: { enabled: true } },
  mongodb: { persistence: { enabled: true } },
  minio: { persistence: { enabled: true } },
  kafka: { persistence: { enabled: true } },
  kafkaWs: { tls: false, persistence: { enabled: true } },
  apigw: { mutualTls: false, persistence: { enabled: true } },
  guiV2: { enabled: false },
  auth: { emailEnabled: false },
  // At least 3 brokers for 100,000 devices, and 3 bridges per broker (also the topics' partitions).
  vernemq: { replicas: 3, insecureMqtt: true },
  bridges: { replicas: 9 },
  // The load balancer forwards to fixed ports.
  nodePorts: { fixed: true },
  placement: { nodeAffinity: true },
  // The guide's target: up to 100,000 connected MQTT devices. The load balancer's nodes come
  // from an inventory (examples/guide-100k has the guide's).
  loadBalancer: { expectedDevices: 100000 },
  locustExporter: { enabled: false },
  // The guide's machines (../shared/docs/environment.md): one dojot, one kafka and one x509 machine, three for VerneMQ.
  capacity: {
    machines: {
      dojot: { count: 1, cores: 4, memory: '4Gi' },
      kafka: { count: 1, cores: 6, memory: '6Gi' },
      x509: { count: 1, cores: 4, memory: '4Gi' },
      vernemq: { count: 3, cores: 8, memory: '8Gi' },
    },
  },
  // A broker's memory follows its 33,334 sessions (profile/vernemq-sizing.ts; README, Sizing). Its
  // CPU: half of its node's cores, beside six bridges; the Erlang VM runs a scheduler per core.
  resources: { 'vernemq-k8s': { vernemq: { cpu: '4' } } },
};
