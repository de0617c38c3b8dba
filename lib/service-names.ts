/**
 * Service names other workloads reach by DNS, defined once. They are the original's names,
 * so that an operator who knows the original recognises them.
 */
export const SERVICE_NAMES = {
  zookeeperClient: 'zookeeper-client',
  zookeeperCluster: 'zookeeper-cluster',
  postgres: 'postgres',
  mongodb: 'mongodb',
  kafka: 'kafka-server',
  kong: 'kong',
  kongExternal: 'kong-external',
  auth: 'auth',
  dataBroker: 'data-broker',
  dataBrokerRedis: 'data-broker-redis',
  vernemq: 'vernemq-k8s',
  vernemqExternal: 'vernemq-k8s-external-service',
  v2kBridge: 'v2k-bridge',
  k2vBridge: 'k2v-bridge',
  kafkaLoopback: 'kafka-loopback',
  kafkaWs: 'kafka-ws',
  kafkaWsRedis: 'kafka-ws-redis',
  x509IdentityMgmt: 'x509-identity-mgmt',
} as const;
