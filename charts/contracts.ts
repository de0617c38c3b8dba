import type { ComponentContract } from '../lib/contract';
import type { Profile } from '../profile/types';
import { authContract } from './auth/contract';
import { backstageContract } from './backstage/contract';
import { bridgeContract, kafkaLoopbackContract } from './bridges/contract';
import { cronContract } from './cron/contract';
import { dataBrokerContract } from './data-broker/contract';
import { dataManagerContract } from './data-manager/contract';
import { deviceManagerContract } from './device-manager/contract';
import { flowbrokerContract } from './flowbroker/contract';
import { guiContract } from './gui/contract';
import { guiV2Contract } from './gui-v2/contract';
import { historyContract } from './history/contract';
import { imageManagerContract } from './image-manager/contract';
import { influxdbContract } from './influxdb/contract';
import { influxdbRetrieverContract } from './influxdb-retriever/contract';
import { influxdbStorerContract } from './influxdb-storer/contract';
import { iotagentLwm2mContract } from './iotagent-lwm2m/contract';
import { iotagentMoscaContract } from './iotagent-mosca/contract';
import { kafkaContract } from './kafka/contract';
import { kafka2ftpContract } from './kafka2ftp/contract';
import { kafkaWsContract } from './kafka-ws/contract';
import { kongContract } from './kong/contract';
import { metricsContract } from './metrics/contract';
import { minioContract } from './minio/contract';
import { mongodbContract } from './mongodb/contract';
import { persisterContract } from './persister/contract';
import { postgresContract } from './postgres/contract';
import { rabbitmqContract } from './rabbitmq/contract';
import { vernemqContract } from './vernemq/contract';
import { x509IdentityMgmtContract } from './x509-identity-mgmt/contract';
import { zookeeperContract } from './zookeeper/contract';

/**
 * The contract of every component, deployed or not (a contract is cheap, and a chart may name
 * another component's Service whatever the flavour): by component, in apply order.
 */
export function platformContracts(p: Profile) {
  return {
    minio: minioContract(p),
    zookeeper: zookeeperContract(p),
    postgres: postgresContract(p),
    influxdb: influxdbContract(p),
    mongodb: mongodbContract(p),
    kafka: kafkaContract(p),
    vernemq: vernemqContract(p),
    rabbitmq: rabbitmqContract(p),
    imageManager: imageManagerContract(p),
    kong: kongContract(p),
    auth: authContract(p),
    dataBroker: dataBrokerContract(p),
    backstage: backstageContract(p),
    deviceManager: deviceManagerContract(p),
    history: historyContract(p),
    persister: persisterContract(p),
    influxdbStorer: influxdbStorerContract(p),
    influxdbRetriever: influxdbRetrieverContract(p),
    gui: guiContract(p),
    guiV2: guiV2Contract(p),
    iotagentMosca: iotagentMoscaContract(p),
    iotagentLwm2m: iotagentLwm2mContract(p),
    flowbroker: flowbrokerContract(p),
    dataManager: dataManagerContract(p),
    cron: cronContract(p),
    v2kBridge: bridgeContract('v2k-bridge'),
    k2vBridge: bridgeContract('k2v-bridge'),
    kafka2ftp: kafka2ftpContract(p),
    kafkaLoopback: kafkaLoopbackContract(p),
    kafkaWs: kafkaWsContract(p),
    x509IdentityMgmt: x509IdentityMgmtContract(p),
    metrics: metricsContract(p),
  } satisfies Record<string, ComponentContract>;
}

export type PlatformContracts = ReturnType<typeof platformContracts>;
export type ComponentName = keyof PlatformContracts;
