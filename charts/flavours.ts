import type { Flavour, Profile } from '../profile/types';
import type { ComponentContract } from '../lib/contract';
import { type ComponentName, platformContracts } from './contracts';

const FULL: readonly Flavour[] = ['vernemq', 'mosca', 'lwm2m'];
const ALL: readonly Flavour[] = ['100k', ...FULL];

/**
 * Which flavours deploy each component: the original's `deploy.yaml`, role by role and tag by
 * tag (`--tags 100k`, `vernemq`, `mosca`, `lwm2m`), and the toggles some roles have
 * (`optional.*` of services.yaml, `guiV2.enabled`). The metrics stack is the monitoring
 * stack's, not a dojot component: the load balancer reaches its Grafana in every flavour.
 */
const DEPLOYED_BY: Readonly<Record<ComponentName, readonly Flavour[] | ((p: Profile) => boolean)>> = {
  minio: FULL,
  zookeeper: ALL,
  postgres: ALL,
  influxdb: (p) => FULL.includes(p.flavour) && p.optional.influxdb,
  mongodb: ALL,
  kafka: ALL,
  vernemq: ['100k', 'vernemq'],
  rabbitmq: FULL,
  imageManager: FULL,
  kong: ALL,
  auth: ALL,
  dataBroker: ALL,
  backstage: FULL,
  deviceManager: FULL,
  history: (p) => FULL.includes(p.flavour) && p.optional.history,
  persister: (p) => FULL.includes(p.flavour) && p.optional.persister,
  // "It will only be enabled if InfluxDB is enabled as well" (v0.6.0's services.yaml).
  influxdbStorer: (p) => FULL.includes(p.flavour) && p.optional.influxdb && p.optional.influxdbStorer,
  influxdbRetriever: (p) => FULL.includes(p.flavour) && p.optional.influxdb && p.optional.influxdbRetriever,
  gui: FULL,
  guiV2: (p) => FULL.includes(p.flavour) && p.guiV2.enabled,
  iotagentMosca: ['mosca'],
  iotagentLwm2m: ['lwm2m'],
  flowbroker: FULL,
  dataManager: FULL,
  cron: FULL,
  v2kBridge: ['100k', 'vernemq'],
  k2vBridge: ['100k', 'vernemq'],
  kafka2ftp: FULL,
  kafkaLoopback: ['100k'],
  kafkaWs: ALL,
  x509IdentityMgmt: ALL,
  metrics: ALL,
};

/** The components the profile deploys. */
export function deployedComponents(p: Profile): ComponentName[] {
  return (Object.keys(DEPLOYED_BY) as ComponentName[]).filter((c) => {
    const rule = DEPLOYED_BY[c];
    return typeof rule === 'function' ? rule(p) : rule.includes(p.flavour);
  });
}

/** The contracts of the components the profile deploys (its flavour and toggles), in apply order. */
export function deployedContracts(p: Profile): ComponentContract[] {
  const all = platformContracts(p);
  const deployed = new Set(deployedComponents(p));
  return (Object.keys(all) as ComponentName[]).filter((c) => deployed.has(c)).map((c) => all[c]);
}
