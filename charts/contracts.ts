import type { ComponentContract } from '../lib/contract';
import type { Profile } from '../profile/types';
import { authContract } from './auth/contract';
import { bridgeContract, kafkaLoopbackContract } from './bridges/contract';
import { dataBrokerContract } from './data-broker/contract';
import { kafkaContract } from './kafka/contract';
import { kafkaWsContract } from './kafka-ws/contract';
import { kongContract } from './kong/contract';
import { metricsContract } from './metrics/contract';
import { mongodbContract } from './mongodb/contract';
import { postgresContract } from './postgres/contract';
import { vernemqContract } from './vernemq/contract';
import { x509IdentityMgmtContract } from './x509-identity-mgmt/contract';
import { zookeeperContract } from './zookeeper/contract';

/** The contract of every component the profile's flavour deploys, by component. */
export function platformContracts(p: Profile) {
  return {
    zookeeper: zookeeperContract(p),
    postgres: postgresContract(p),
    mongodb: mongodbContract(p),
    kafka: kafkaContract(p),
    vernemq: vernemqContract(p),
    kong: kongContract(p),
    auth: authContract(p),
    dataBroker: dataBrokerContract(p),
    v2kBridge: bridgeContract('v2k-bridge'),
    k2vBridge: bridgeContract('k2v-bridge'),
    kafkaLoopback: kafkaLoopbackContract(p),
    kafkaWs: kafkaWsContract(p),
    x509IdentityMgmt: x509IdentityMgmtContract(p),
    metrics: metricsContract(p),
  } satisfies Record<string, ComponentContract>;
}

export type PlatformContracts = ReturnType<typeof platformContracts>;

/** The contracts as a list, in the order the charts are applied. */
export const contractList = (c: PlatformContracts): ComponentContract[] => Object.values(c);
