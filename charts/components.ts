import { authComponent } from './auth/component';
import { backstageComponent } from './backstage/component';
import { cronComponent } from './cron/component';
import { dataBrokerComponent } from './data-broker/component';
import { dataManagerComponent } from './data-manager/component';
import { deviceManagerComponent } from './device-manager/component';
import { flowbrokerComponent } from './flowbroker/component';
import { guiComponent } from './gui/component';
import { guiV2Component } from './gui-v2/component';
import { historyComponent } from './history/component';
import { imageManagerComponent } from './image-manager/component';
import { influxdbComponent } from './influxdb/component';
import { influxdbRetrieverComponent } from './influxdb-retriever/component';
import { influxdbStorerComponent } from './influxdb-storer/component';
import { iotagentLwm2mComponent } from './iotagent-lwm2m/component';
import { iotagentMoscaComponent } from './iotagent-mosca/component';
import { kafka2ftpComponent } from './kafka2ftp/component';
import { kafkaComponent } from './kafka/component';
import { kafkaWsComponent } from './kafka-ws/component';
import { kongComponent } from './kong/component';
import { metricsComponent } from './metrics/component';
import { minioComponent } from './minio/component';
import { mongodbComponent } from './mongodb/component';
import { persisterComponent } from './persister/component';
import { postgresComponent } from './postgres/component';
import { rabbitmqComponent } from './rabbitmq/component';
import { v2kBridgeComponent, k2vBridgeComponent, kafkaLoopbackComponent } from './bridges/component';
import { vernemqComponent } from './vernemq/component';
import { x509IdentityMgmtComponent } from './x509-identity-mgmt/component';
import { zookeeperComponent } from './zookeeper/component';

/**
 * Every component of the platform, in apply order: what each folder's component.ts says of it.
 * Adding a service is a folder of its own and one line here.
 */
export const COMPONENTS = [
  minioComponent,
  zookeeperComponent,
  postgresComponent,
  influxdbComponent,
  mongodbComponent,
  kafkaComponent,
  vernemqComponent,
  rabbitmqComponent,
  imageManagerComponent,
  kongComponent,
  authComponent,
  dataBrokerComponent,
  backstageComponent,
  deviceManagerComponent,
  historyComponent,
  persisterComponent,
  influxdbStorerComponent,
  influxdbRetrieverComponent,
  guiComponent,
  guiV2Component,
  iotagentMoscaComponent,
  iotagentLwm2mComponent,
  flowbrokerComponent,
  dataManagerComponent,
  cronComponent,
  v2kBridgeComponent,
  k2vBridgeComponent,
  kafka2ftpComponent,
  kafkaLoopbackComponent,
  kafkaWsComponent,
  x509IdentityMgmtComponent,
  metricsComponent,
] as const;
