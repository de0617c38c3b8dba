import { podPlacement } from '../lib/placement';
import type { App, Chart } from 'cdk8s';
import type { DojotChartProps } from './dojot-chart';
import { applyHealthChecks } from '../lib/container-probes';
import { applyResources } from '../lib/container-resources';
import { applyArgoCdAnnotations } from '../lib/argocd-annotations';
import { applyImageSecurity } from '../lib/container-security';
import { podTemplatesOf } from '../lib/pod-templates';
import { applyRecommendedLabels } from '../lib/recommended-labels';
import { COMPONENT_ROLES } from './roles';
import type { Profile } from '../profile/types';
import { AuthChart } from './auth/auth-chart';
import { BackstageChart } from './backstage/backstage-chart';
import { BridgeChart } from './bridges/bridge-chart';
import { KafkaLoopbackChart } from './bridges/kafka-loopback-chart';
import { type ComponentName, type PlatformContracts, platformContracts } from './contracts';
import { deployedComponents, deployedContracts } from './flavours';
import { CronChart } from './cron/cron-chart';
import { DataBrokerChart } from './data-broker/data-broker-chart';
import { DataManagerChart } from './data-manager/data-manager-chart';
import { DeviceManagerChart } from './device-manager/device-manager-chart';
import { FlowbrokerChart } from './flowbroker/flowbroker-chart';
import { GuiChart } from './gui/gui-chart';
import { GuiV2Chart } from './gui-v2/gui-v2-chart';
import { CHART_IDS } from './chart-ids';
import { healthTable } from './health-probes';
import { IMAGE_SECURITY } from './image-security';
import { componentWave, JOB_WAVES, WAVES } from './sync-waves';
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
import { NetworkPolicyChart } from './network-policies/network-policy-chart';
import { NamespaceChart } from './namespace/namespace-chart';
import { PersisterChart } from './persister/persister-chart';
import { PostgresChart } from './postgres/postgres-chart';
import { RabbitmqChart } from './rabbitmq/rabbitmq-chart';
import { StorageChart } from './storage/storage-chart';
import { VernemqChart } from './vernemq/vernemq-chart';
import { X509IdentityMgmtChart } from './x509-identity-mgmt/x509-identity-mgmt-chart';
import { ZookeeperChart } from './zookeeper/zookeeper-chart';

type ChartFactory = (app: App, id: string, p: Profile, common: DojotChartProps<PlatformContracts>) => Chart;

/** How each component's chart is made from its slice of the profile. The metrics stack has none: the monitoring stack runs it. */
const CHARTS: Readonly<Record<Exclude<ComponentName, 'metrics'>, ChartFactory>> = {
  minio: (app, id, p, c) => new MinioChart(app, id, { ...c, minio: p.minio }),
  zookeeper: (app, id, p, c) => new ZookeeperChart(app, id, { ...c, zookeeper: p.zookeeper, clusterDomain: p.clusterDomain }),
  postgres: (app, id, p, c) => new PostgresChart(app, id, { ...c, postgres: p.postgres }),
  influxdb: (app, id, p, c) => new InfluxdbChart(app, id, { ...c, influxdb: p.influxdb }),
  mongodb: (app, id, p, c) => new MongodbChart(app, id, { ...c, mongodb: p.mongodb }),
  kafka: (app, id, p, c) => new KafkaChart(app, id, { ...c, kafka: p.kafka, clusterDomain: p.clusterDomain }),
  vernemq: (app, id, p, c) =>
    new VernemqChart(app, id, {
      ...c,
      vernemq: p.vernemq,
      domainName: p.domainName,
      clusterDomain: p.clusterDomain,
      rbac: p.kubernetesRbac,
    }),
  rabbitmq: (app, id, p, c) => new RabbitmqChart(app, id, { ...c, version: p.versions.rabbitmq }),
  imageManager: (app, id, p, c) => new ImageManagerChart(app, id, { ...c, version: p.versions.imageManager }),
  kong: (app, id, p, c) => new KongChart(app, id, { ...c, apigw: p.apigw, routes: deployedContracts(p).flatMap((k) => k.routes ?? []) }),
  auth: (app, id, p, c) => new AuthChart(app, id, { ...c, auth: p.auth }),
  dataBroker: (app, id, p, c) => new DataBrokerChart(app, id, { ...c, version: p.dataBroker.version, topicPartitions: p.bridges.replicas }),
  backstage: (app, id, p, c) => new BackstageChart(app, id, { ...c, version: p.version }),
  deviceManager: (app, id, p, c) => new DeviceManagerChart(app, id, { ...c, version: p.versions.deviceManager }),
  history: (app, id, p, c) => new HistoryChart(app, id, { ...c, version: p.versions.history }),
  persister: (app, id, p, c) => new PersisterChart(app, id, { ...c, version: p.versions.persister }),
  influxdbStorer: (app, id, p, c) =>
    new InfluxdbStorerChart(app, id, {
      ...c,
      version: p.versions.influxdbStorer,
      logLevel: p.influxdb.storerLogLevel,
      influxdb: p.influxdb,
    }),
  influxdbRetriever: (app, id, p, c) =>
    new InfluxdbRetrieverChart(app, id, {
      ...c,
      version: p.versions.influxdbRetriever,
      logLevel: p.influxdb.retrieverLogLevel,
      influxdb: p.influxdb,
    }),
  gui: (app, id, p, c) => new GuiChart(app, id, { ...c, version: p.versions.gui }),
  guiV2: (app, id, p, c) => new GuiV2Chart(app, id, { ...c, image: p.guiV2.image, version: p.guiV2.version }),
  iotagentMosca: (app, id, p, c) =>
    new IotagentMoscaChart(app, id, {
      ...c,
      version: p.versions.iotagentMosca,
      domainName: p.domainName,
      insecureMqtt: p.vernemq.insecureMqtt,
    }),
  iotagentLwm2m: (app, id, p, c) => new IotagentLwm2mChart(app, id, { ...c, version: p.versions.iotagentLwm2m, lwm2m: p.iotagentLwm2m }),
  flowbroker: (app, id, p, c) =>
    new FlowbrokerChart(app, id, {
      ...c,
      version: p.versions.flowbroker,
      contextManagerVersion: p.versions.flowbrokerContextManager,
      rbac: p.kubernetesRbac,
    }),
  dataManager: (app, id, p, c) => new DataManagerChart(app, id, { ...c, version: p.versions.dataManager }),
  cron: (app, id, p, c) => new CronChart(app, id, { ...c, version: p.version }),
  v2kBridge: (app, id, p, c) =>
    new BridgeChart(app, id, {
      ...c,
      replicas: p.bridges.replicas,
      name: 'v2k-bridge',
      image: `dojot/v2k-bridge:${p.bridges.v2kVersion}`,
      env: [{ name: 'V2K_APP_USER_CONFIG_FILE', value: 'production.conf' }],
    }),
  k2vBridge: (app, id, p, c) =>
    new BridgeChart(app, id, { ...c, replicas: p.bridges.replicas, name: 'k2v-bridge', image: `dojot/k2v-bridge:${p.bridges.k2vVersion}` }),
  kafka2ftp: (app, id, p, c) => new Kafka2ftpChart(app, id, { ...c, version: p.versions.kafka2ftp }),
  kafkaLoopback: (app, id, p, c) =>
    new KafkaLoopbackChart(app, id, { ...c, replicas: p.bridges.replicas, version: p.bridges.loopbackVersion }),
  kafkaWs: (app, id, p, c) => new KafkaWsChart(app, id, { ...c, kafkaWs: p.kafkaWs }),
  x509IdentityMgmt: (app, id, p, c) => new X509IdentityMgmtChart(app, id, { ...c, x509: p.x509IdentityMgmt, ejbcaDb: p.postgres.ejbca.db }),
};

/**
 * Adds the charts of the components the profile's flavour deploys (charts/flavours.ts), in the
 * original's order. Chart dependencies order the output files: the namespace and the storage
 * come first, so `kubectl apply -f dist` creates them before what needs them.
 */
export function addPlatformCharts(app: App, p: Profile): Chart[] {
  const namespace = new NamespaceChart(app, 'namespace', p.namespace);
  const storage = new StorageChart(app, 'storage', p);
  const common: DojotChartProps<PlatformContracts> = {
    namespace: p.namespace,
    placement: podPlacement(p),
    storage: { storageClassName: p.storageClassName, localVolumes: p.localVolumes },
    contracts: platformContracts(p),
  };
  const components = deployedComponents(p).filter((c): c is Exclude<ComponentName, 'metrics'> => c !== 'metrics');
  const services = components.map((c) => CHARTS[c](app, CHART_IDS[c], p, common));
  for (const chart of services) chart.addDependency(namespace, storage);
  const label = (chart: Chart, component: keyof typeof COMPONENT_ROLES) =>
    applyRecommendedLabels(chart, {
      name: chart.node.id,
      instance: p.namespace,
      version: p.version,
      component: COMPONENT_ROLES[component],
    });
  label(namespace, 'namespace');
  label(storage, 'storage');
  services.forEach((chart, i) => {
    label(chart, components[i]);
  });
  applyArgoCdAnnotations(namespace, WAVES.foundation);
  applyArgoCdAnnotations(storage, WAVES.foundation);
  services.forEach((chart, i) => {
    applyArgoCdAnnotations(chart, componentWave(components[i]), JOB_WAVES);
  });
  const policies = p.networkPolicies.enabled
    ? [new NetworkPolicyChart(app, 'network-policies', { ...common, profile: p, deployed: components })]
    : [];
  for (const chart of policies) {
    chart.addDependency(namespace);
    label(chart, 'networkPolicies');
    applyArgoCdAnnotations(chart, WAVES.foundation);
  }
  const health = healthTable(p, common.contracts);
  for (const chart of services) {
    const workloads = podTemplatesOf(chart);
    applyResources(workloads, p.resources);
    applyHealthChecks(workloads, health);
    applyImageSecurity(workloads, IMAGE_SECURITY);
  }
  return [namespace, storage, ...services, ...policies];
}
