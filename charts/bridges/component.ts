import { component } from '../component';
import type { DojotChartProps } from '../dojot-chart';
import { bridgeContract, kafkaLoopbackContract } from './contract';
import { BridgeChart } from './bridge-chart';
import { KafkaLoopbackChart } from './kafka-loopback-chart';
import { lightship } from '../../lib/probes';
import { running, single } from '../../lib/probes';
import { NODE_USER } from '../../lib/image-users';

/** v2k-bridge: its chart id, role, flavours, Argo CD wave, contract and chart. */
export const v2kBridgeComponent = component({
  name: 'v2kBridge',
  chartId: 'v2k-bridge',
  role: 'bridge',
  deployedBy: ['100k', 'vernemq'],
  wave: 'services',
  contract: () => bridgeContract('v2k-bridge'),
  chart: (app, id, p, c: DojotChartProps<BridgeChart['contracts']>) =>
    new BridgeChart(app, id, {
      ...c,
      replicas: p.bridges.replicas,
      name: 'v2k-bridge',
      image: `dojot/v2k-bridge:${p.bridges.v2kVersion}`,
      env: [{ name: 'V2K_APP_USER_CONFIG_FILE', value: 'production.conf' }],
    }),
  health: (_p) => ({
    // The bridges wait for Kafka, then up to 180 s for x509-identity-mgmt to sign their certificates (ejbca_client.sh).
    'v2k-bridge': { 'v2k-bridge': lightship(300) },
  }),
  security: {
    // @dojot/microservice-sdk writes the merged configuration into the image's config directory, root-owned, at every start.
    'v2k-bridge': {
      'v2k-bridge': {
        dropAll: false,
        reason: 'writes its merged configuration and its certificates into root-owned directories of the image at every start',
      },
    },
  },
  calls: [
    { to: 'kafka', service: 'broker', ports: ['kafka'] },
    // The bridges sign their certificates at start.
    { to: 'x509IdentityMgmt', service: 'api', ports: ['http'] },
    { to: 'vernemq', service: 'internal', ports: ['mqtt', 'mqtts'] },
  ],
});

/** k2v-bridge: its chart id, role, flavours, Argo CD wave, contract and chart. */
export const k2vBridgeComponent = component({
  name: 'k2vBridge',
  chartId: 'k2v-bridge',
  role: 'bridge',
  deployedBy: ['100k', 'vernemq'],
  wave: 'services',
  contract: () => bridgeContract('k2v-bridge'),
  chart: (app, id, p, c: DojotChartProps<BridgeChart['contracts']>) =>
    new BridgeChart(app, id, { ...c, replicas: p.bridges.replicas, name: 'k2v-bridge', image: `dojot/k2v-bridge:${p.bridges.k2vVersion}` }),
  health: (_p) => ({
    'k2v-bridge': { 'k2v-bridge': lightship(300) },
  }),
  security: {
    // @dojot/microservice-sdk writes the merged configuration into the image's config directory, root-owned, at every start.
    'k2v-bridge': {
      'k2v-bridge': {
        dropAll: false,
        reason: 'writes its merged configuration and its certificates into root-owned directories of the image at every start',
      },
    },
  },
  calls: [
    { to: 'kafka', service: 'broker', ports: ['kafka'] },
    // The bridges sign their certificates at start.
    { to: 'x509IdentityMgmt', service: 'api', ports: ['http'] },
    { to: 'vernemq', service: 'internal', ports: ['mqtt', 'mqtts'] },
  ],
});

/** kafka-loopback: its chart id, role, flavours, Argo CD wave, contract and chart. */
export const kafkaLoopbackComponent = component({
  name: 'kafkaLoopback',
  chartId: 'kafka-loopback',
  role: 'load-test',
  deployedBy: ['100k'],
  wave: 'services',
  contract: kafkaLoopbackContract,
  chart: (app, id, p, c: DojotChartProps<KafkaLoopbackChart['contracts']>) =>
    new KafkaLoopbackChart(app, id, { ...c, replicas: p.bridges.replicas, version: p.bridges.loopbackVersion }),
  health: (_p) => ({
    // kafka-loopback (tools/kafka/loopback/bin/entrypoint.sh): no port, no health file, no pgrep; once it has
    // logged in and found its topics it runs kafkacat | jq | kafkacat, and ends when that breaks.
    'kafka-loopback': { 'kafka-loopback': single(running('kafkacat'), 120) },
  }),
  security: {
    // cp-kafkacat 5.4.1 (debian): any uid; kafkacat and jq write nothing.
    'kafka-loopback': {
      'kafka-loopback': {
        user: NODE_USER,
        dropAll: true,
        reason: 'unbuffer (expect) opens a pseudo-terminal; untried on a read-only root',
      },
    },
  },
  calls: [
    { to: 'kafka', service: 'broker', ports: ['kafka'] },
    { to: 'auth', service: 'api', ports: ['http'] },
    { to: 'dataBroker', service: 'api', ports: ['http'] },
  ],
});
