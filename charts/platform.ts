import type { App, Chart } from 'cdk8s';
import type { DojotChartProps } from '../lib/dojot-chart';
import { applyHealthChecks } from '../lib/container-probes';
import { applyResources } from '../lib/container-resources';
import { applyRecommendedLabels } from '../lib/recommended-labels';
import { COMPONENT_ROLES } from './roles';
import type { Profile } from '../profile/types';
import { AuthChart } from './auth/auth-chart';
import { BackstageChart } from './backstage/backstage-chart';
import { BridgeChart } from './bridges/bridge-chart';
import { KafkaLoopbackChart } from './bridges/kafka-loopback-chart';
import { type ComponentName, deployedContracts, platformContracts } from './contracts';
import { CronChart } from './cron/cron-chart';
import { DataBrokerChart } from './data-broker/data-broker-chart';
import { DataManagerChart } from './data-manager/data-manager-chart';
import { DeviceManagerChart } from './device-manager/device-manager-chart';
import { deployedComponents } from './flavours';
import { FlowbrokerChart } from './flowbroker/flowbroker-chart';
import { GuiChart } from './gui/gui-chart';
import { GuiV2Chart } from './gui-v2/gui-v2-chart';
import { healthTable } from './health-probes';
import { HistoryChart } from './history/history-chart';
import { ImageManagerChart } from './image-manager/image-manager-chart';
import { InfluxdbChart } from './influxdb/influxdb-chart';
import { InfluxdbRetrieverChart } from './influxdb-retriever/influxdb-retriever-chart';
import { InfluxdbStorerChart } from './influxdb-storer/influxdb-storer-chart';
import { IotagentLwm2mChart } from './iotagent-lwm2m/iotagent-lwm2m-chart';
import { IotagentMoscaChart } from './iotagent-mosca/iotagent-mosca-chart';
import { KafkaChart } from './kafka/kafka-chart';
import { Kafka2ftpChart } from './kafka2ftp/kafka2ftp-chart';
import { KafkaWsChart } from './kafka-ws/kafka-ws-chart';
import { KongChart } from './kong/kong-chart';
import { MinioChart } from './minio/minio-chart';
import { MongodbChart } from './mongodb/mongodb-chart';
import { NamespaceChart } from './namespace/namespace-chart';
import { PersisterChart } from './persister/persister-chart';
import { PostgresChart } from './postgres/postgres-chart';
import { RabbitmqChart } from './rabbitmq/rabbitmq-chart';
import { StorageChart } from './storage/storage-chart';
import { VernemqChart } from './vernemq/vernemq-chart';
import { X509IdentityMgmtChart } from './x509-identity-mgmt/x509-identity-mgmt-chart';
import { ZookeeperChart } from './zookeeper/zookeeper-chart';

type ChartFactory = (app: App, p: Profile, common: DojotChartProps) => Chart;

/** How each component's chart is made from its slice of the profile. The metrics stack has none: the monitoring stack runs it. */
const CHARTS: Readonly<Record<Exclude<ComponentName, 'metrics'>, ChartFactory>> = {
  minio: (app, p, c) => new MinioChart(app, 'minio', { ...c, minio: p.minio }),
  zookeeper: (app, p, c) => new ZookeeperChart(app, 'zookeeper', { ...c, zookeeper: p.zookeeper }),
  postgres: (app, p, c) => new PostgresChart(app, 'postgres', { ...c, postgres: p.postgres }),
  influxdb: (app, p, c) => new InfluxdbChart(app, 'influxdb', { ...c, influxdb: p.influxdb }),
  mongodb: (app, p, c) => new MongodbChart(app, 'mongodb', { ...c, mongodb: p.mongodb }),
  kafka: (app, p, c) => new KafkaChart(app, 'kafka', { ...c, kafka: p.kafka }),
  vernemq: (app, p, c) => new VernemqChart(app, 'vernemq', { ...c, vernemq: p.vernemq, domainName: p.domainName, clusterDomain: p.clusterDomain, rbac: p.kubernetesRbac }),
  rabbitmq: (app, p, c) => new RabbitmqChart(app, 'rabbitmq', { ...c, version: p.versions.rabbitmq }),
  imageManager: (app, p, c) => new ImageManagerChart(app, 'image-manager', { ...c, version: p.versions.imageManager }),
  kong: (app, p, c) => new KongChart(app, 'kong', { ...c, apigw: p.apigw, routes: deployedContracts(p).flatMap((k) => k.routes ?? []) }),
  auth: (app, p, c) => new AuthChart(app, 'auth', { ...c, auth: p.auth }),
  dataBroker: (app, p, c) => new DataBrokerChart(app, 'data-broker', { ...c, version: p.dataBroker.version, topicPartitions: p.bridges.replicas }),
  backstage: (app, p, c) => new BackstageChart(app, 'backstage', { ...c, version: p.version }),
  deviceManager: (app, p, c) => new DeviceManagerChart(app, 'device-manager', { ...c, version: p.versions.deviceManager }),
  history: (app, p, c) => new HistoryChart(app, 'history', { ...c, version: p.versions.history }),
  persister: (app, p, c) => new PersisterChart(app, 'persister', { ...c, version: p.versions.persister }),
  influxdbStorer: (app, p, c) => new InfluxdbStorerChart(app, 'influxdb-storer', { ...c, version: p.versions.influxdbStorer, logLevel: p.influxdb.storerLogLevel, influxdb: p.influxdb }),
  influxdbRetriever: (app, p, c) => new InfluxdbRetrieverChart(app, 'influxdb-retriever', { ...c, version: p.versions.influxdbRetriever, logLevel: p.influxdb.retrieverLogLevel, influxdb: p.influxdb }),
  gui: (app, p, c) => new GuiChart(app, 'gui', { ...c, version: p.versions.gui }),
  guiV2: (app, p, c) => new GuiV2Chart(app, 'gui-v2', { ...c, image: p.guiV2.image, version: p.guiV2.version }),
  iotagentMosca: (app, p, c) => new IotagentMoscaChart(app, 'iotagent-mosca', { ...c, version: p.versions.iotagentMosca, domainName: p.domainName, insecureMqtt: p.vernemq.insecureMqtt }),
  iotagentLwm2m: (app, p, c) => new IotagentLwm2mChart(app, 'iotagent-lwm2m', { ...c, version: p.versions.iotagentLwm2m, lwm2m: p.iotagentLwm2m }),
  flowbroker: (app, p, c) =>
    new FlowbrokerChart(app, 'flowbroker', { ...c, version: p.versions.flowbroker, contextManagerVersion: p.versions.flowbrokerContextManager, rbac: p.kubernetesRbac }),
  dataManager: (app, p, c) => new DataManagerChart(app, 'data-manager', { ...c, version: p.versions.dataManager }),
  cron: (app, p, c) => new CronChart(app, 'cron', { ...c, version: p.version }),
  v2kBridge: (app, p, c) =>
    new BridgeChart(app, 'v2k-bridge', {
      ...c,
      replicas: p.bridges.replicas,
      name: 'v2k-bridge',
      image: `dojot/v2k-bridge:${p.bridges.v2kVersion}`,
      env: [{ name: 'V2K_APP_USER_CONFIG_FILE', value: 'production.conf' }],
    }),
  k2vBridge: (app, p, c) => new BridgeChart(app, 'k2v-bridge', { ...c, replicas: p.bridges.replicas, name: 'k2v-bridge', image: `dojot/k2v-bridge:${p.bridges.k2vVersion}` }),
  kafka2ftp: (app, p, c) => new Kafka2ftpChart(app, 'kafka2ftp', { ...c, version: p.versions.kafka2ftp }),
  kafkaLoopback: (app, p, c) => new KafkaLoopbackChart(app, 'kafka-loopback', { ...c, replicas: p.bridges.replicas, version: p.bridges.loopbackVersion }),
  kafkaWs: (app, p, c) => new KafkaWsChart(app, 'kafka-ws', { ...c, kafkaWs: p.kafkaWs }),
  x509IdentityMgmt: (app, p, c) => new X509IdentityMgmtChart(app, 'x509-identity-mgmt', { ...c, x509: p.x509IdentityMgmt, ejbcaDb: p.postgres.ejbca.db }),
};

/**
 * Adds the charts of the components the profile's flavour deploys (charts/flavours.ts), in the
 * original's order. Chart dependencies order the output files: the namespace and the storage
 * come first, so `kubectl apply -f dist` creates them before what needs them.
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
  const components = deployedComponents(p).filter((c): c is Exclude<ComponentName, 'metrics'> => c !== 'metrics');
  const services = components.map((c) => CHARTS[c](app, p, common));
  for (const chart of services) chart.addDependency(namespace, storage);
  const label = (chart: Chart, component: keyof typeof COMPONENT_ROLES) =>
    applyRecommendedLabels(chart, { name: chart.node.id, instance: p.namespace, version: p.version, component: COMPONENT_ROLES[component] });
  label(namespace, 'namespace');
  label(storage, 'storage');
  services.forEach((chart, i) => label(chart, components[i]));
  const health = healthTable(p, common.contracts);
  for (const chart of services) {
    applyResources(chart, p.resources);
    applyHealthChecks(chart, health);
  }
  return [namespace, storage, ...services];
}
