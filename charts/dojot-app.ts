import type { App, Chart } from 'cdk8s';
import type { DojotChartProps } from '../lib/dojot-chart';
import type { Profile } from '../profile/types';
import { AuthChart } from './auth/auth-chart';
import { BridgeChart } from './bridges/bridge-chart';
import { KafkaLoopbackChart } from './bridges/kafka-loopback-chart';
import { DataBrokerChart } from './data-broker/data-broker-chart';
import { KafkaChart } from './kafka/kafka-chart';
import { KafkaWsChart } from './kafka-ws/kafka-ws-chart';
import { KongChart } from './kong/kong-chart';
import { MongodbChart } from './mongodb/mongodb-chart';
import { NamespaceChart } from './namespace/namespace-chart';
import { PostgresChart } from './postgres/postgres-chart';
import { StorageChart } from './storage/storage-chart';
import { VernemqBrokerChart } from './vernemq/broker-chart';
import { CrdChart } from './vernemq/crd-chart';
import { VmqOperatorChart } from './vernemq/operator-chart';
import { X509IdentityMgmtChart } from './x509-identity-mgmt/x509-identity-mgmt-chart';
import { ZookeeperChart } from './zookeeper/zookeeper-chart';

/**
 * Adds the charts of the profile's flavour (today `100k`: the original's `--tags 100k`) to the
 * app. Chart dependencies order the output files: the namespace, the CRDs and the storage
 * come first, so `kubectl apply -f dist` creates them before what needs them.
 */
export function addDojotCharts(app: App, p: Profile): Chart[] {
  const namespace = new NamespaceChart(app, 'namespace', p.namespace);
  const crds = new CrdChart(app, 'crds');
  const storage = new StorageChart(app, 'storage', p);
  const common: DojotChartProps = {
    namespace: p.namespace,
    placement: p.placement,
    storage: { storageClassName: p.storageClassName, localVolumes: p.localVolumes },
  };
  const bridges = { ...common, replicas: p.bridges.replicas };

  const services: Chart[] = [
    new ZookeeperChart(app, 'zookeeper', { ...common, zookeeper: p.zookeeper }),
    new PostgresChart(app, 'postgres', { ...common, postgres: p.postgres }),
    new MongodbChart(app, 'mongodb', { ...common, mongodb: p.mongodb }),
    new KafkaChart(app, 'kafka', { ...common, kafka: p.kafka, zookeeperClientPort: p.zookeeper.clientPort }),
    new VmqOperatorChart(app, 'vmq-operator', { ...common, operatorVersion: p.vernemq.operatorVersion, rbac: p.kubernetesRbac }),
    new VernemqBrokerChart(app, 'vernemq', { ...common, vernemq: p.vernemq, nodePorts: p.nodePorts, domainName: p.domainName }),
    new KongChart(app, 'kong', { ...common, apigw: p.apigw, nodePorts: p.nodePorts, kafkaWsTls: p.kafkaWs.tls }),
    new AuthChart(app, 'auth', { ...common, auth: p.auth, kafkaPort: p.kafka.port, kongAdminPort: p.apigw.adminPort }),
    new DataBrokerChart(app, 'data-broker', {
      ...common,
      version: p.dataBroker.version,
      kafkaPort: p.kafka.port,
      zookeeperClientPort: p.zookeeper.clientPort,
      topicPartitions: p.bridges.replicas,
    }),
    new BridgeChart(app, 'v2k-bridge', {
      ...bridges,
      name: 'v2k-bridge',
      image: `dojot/v2k-bridge:${p.bridges.v2kVersion}`,
      servicePort: 4000,
      env: [{ name: 'V2K_APP_USER_CONFIG_FILE', value: 'production.conf' }],
    }),
    new BridgeChart(app, 'k2v-bridge', { ...bridges, name: 'k2v-bridge', image: `dojot/k2v-bridge:${p.bridges.k2vVersion}`, servicePort: 4001 }),
    new KafkaLoopbackChart(app, 'kafka-loopback', { ...bridges, version: p.bridges.loopbackVersion }),
    new KafkaWsChart(app, 'kafka-ws', { ...common, kafkaWs: p.kafkaWs, kafkaPort: p.kafka.port }),
    new X509IdentityMgmtChart(app, 'x509-identity-mgmt', {
      ...common,
      x509: p.x509IdentityMgmt,
      postgres: p.postgres,
      mongodbPort: p.mongodb.port,
    }),
  ];
  for (const chart of services) chart.addDependency(namespace, storage);
  services.find((c) => c instanceof VernemqBrokerChart)?.addDependency(crds);
  return [namespace, crds, storage, ...services];
}
