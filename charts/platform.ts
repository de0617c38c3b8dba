import type { App, Chart } from 'cdk8s';
import type { DojotChartProps } from '../lib/dojot-chart';
import type { Profile } from '../profile/types';
import { AuthChart } from './auth/auth-chart';
import { BridgeChart } from './bridges/bridge-chart';
import { KafkaLoopbackChart } from './bridges/kafka-loopback-chart';
import { platformContracts } from './contracts';
import { DataBrokerChart } from './data-broker/data-broker-chart';
import { KafkaChart } from './kafka/kafka-chart';
import { KafkaWsChart } from './kafka-ws/kafka-ws-chart';
import { KongChart } from './kong/kong-chart';
import { MongodbChart } from './mongodb/mongodb-chart';
import { NamespaceChart } from './namespace/namespace-chart';
import { PostgresChart } from './postgres/postgres-chart';
import { StorageChart } from './storage/storage-chart';
import { VernemqChart } from './vernemq/vernemq-chart';
import { X509IdentityMgmtChart } from './x509-identity-mgmt/x509-identity-mgmt-chart';
import { ZookeeperChart } from './zookeeper/zookeeper-chart';

/**
 * Adds the charts of the profile's flavour (today `100k`: the original's `--tags 100k`) to the
 * app. Chart dependencies order the output files: the namespace and the storage come first, so
 * `kubectl apply -f dist` creates them before what needs them.
 */
export function addPlatformCharts(app: App, p: Profile): Chart[] {
  const namespace = new NamespaceChart(app, 'namespace', p.namespace);
  const storage = new StorageChart(app, 'storage', p);
  const common: DojotChartProps = {
    namespace: p.namespace,
    placement: p.placement,
    storage: { storageClassName: p.storageClassName, localVolumes: p.localVolumes },
    contracts: platformContracts(p),
  };
  const bridges = { ...common, replicas: p.bridges.replicas };

  const services: Chart[] = [
    new ZookeeperChart(app, 'zookeeper', { ...common, zookeeper: p.zookeeper }),
    new PostgresChart(app, 'postgres', { ...common, postgres: p.postgres }),
    new MongodbChart(app, 'mongodb', { ...common, mongodb: p.mongodb }),
    new KafkaChart(app, 'kafka', { ...common, kafka: p.kafka }),
    new VernemqChart(app, 'vernemq', { ...common, vernemq: p.vernemq, domainName: p.domainName, clusterDomain: p.clusterDomain, rbac: p.kubernetesRbac }),
    new KongChart(app, 'kong', { ...common, apigw: p.apigw }),
    new AuthChart(app, 'auth', { ...common, auth: p.auth }),
    new DataBrokerChart(app, 'data-broker', { ...common, version: p.dataBroker.version, topicPartitions: p.bridges.replicas }),
    new BridgeChart(app, 'v2k-bridge', {
      ...bridges,
      name: 'v2k-bridge',
      image: `dojot/v2k-bridge:${p.bridges.v2kVersion}`,
      env: [{ name: 'V2K_APP_USER_CONFIG_FILE', value: 'production.conf' }],
    }),
    new BridgeChart(app, 'k2v-bridge', { ...bridges, name: 'k2v-bridge', image: `dojot/k2v-bridge:${p.bridges.k2vVersion}` }),
    new KafkaLoopbackChart(app, 'kafka-loopback', { ...bridges, version: p.bridges.loopbackVersion }),
    new KafkaWsChart(app, 'kafka-ws', { ...common, kafkaWs: p.kafkaWs }),
    new X509IdentityMgmtChart(app, 'x509-identity-mgmt', { ...common, x509: p.x509IdentityMgmt, ejbcaDb: p.postgres.ejbca.db }),
  ];
  for (const chart of services) chart.addDependency(namespace, storage);
  return [namespace, storage, ...services];
}
