import { dojotImage, EOL, type ImageLifecycle } from '../../lib/image-lifecycle';
import { component } from '../component';
import type { DojotChartProps } from '../dojot-chart';
import type { Profile } from '../../profile/types';
import { type BridgeName, bridgeContract, kafkaLoopbackContract } from './contract';
import { BridgeChart, type BridgeChartProps } from './bridge-chart';
import { KafkaLoopbackChart } from './kafka-loopback-chart';
import { bridgeStart, kafkaLoopbackStart } from './start-contract';
import { lightship, running, single } from '../../lib/probes';
import { NODE_USER } from '../../lib/image-users';

/**
 * A bridge between VerneMQ and Kafka (dojot/v2k-bridge, dojot/k2v-bridge): both are built on
 * @dojot/microservice-sdk and start, call and lock down alike.
 */
const bridge = <const N extends 'v2kBridge' | 'k2vBridge'>(
  name: N,
  id: BridgeName,
  image: (p: Profile) => string,
  lifecycle: ImageLifecycle,
  env?: BridgeChartProps['env'],
) =>
  component({
    name,
    chartId: id,
    role: 'bridge',
    deployedBy: ['100k', 'vernemq'],
    wave: 'services',
    contract: () => bridgeContract(id),
    images: [lifecycle],
    chart: (app, chartId, p, c: DojotChartProps<BridgeChart['contracts']>) =>
      new BridgeChart(app, chartId, { ...c, replicas: p.bridges.replicas, name: id, image: image(p), env }),
    health: () => ({
      // They wait for Kafka, then up to 180 s for x509-identity-mgmt to sign their certificates (ejbca_client.sh).
      [id]: { [id]: lightship(300) },
    }),
    start: (p) => ({ [id]: { [id]: bridgeStart(p, id) } }),
    security: {
      // @dojot/microservice-sdk writes the merged configuration into the image's config directory, root-owned, at every start.
      [id]: {
        [id]: {
          dropAll: false,
          reason: 'writes its merged configuration and its certificates into root-owned directories of the image at every start',
        },
      },
    },
    calls: [
      { to: 'kafka', service: 'broker', ports: ['kafka'] },
      // They sign their certificates at start.
      { to: 'x509IdentityMgmt', service: 'api', ports: ['http'] },
      { to: 'vernemq', service: 'internal', ports: ['mqtt', 'mqtts'] },
    ],
  });

/** v2k-bridge: VerneMQ to Kafka. */
export const v2kBridgeComponent = bridge(
  'v2kBridge',
  'v2k-bridge',
  (p) => `dojot/v2k-bridge:${p.bridges.v2kVersion}`,
  dojotImage('v2k-bridge', 'node:12.18.4-alpine (dojot/dojot connector/mqtt/vernemq/v2k-bridge/Dockerfile)', [EOL.node12]),
  [{ name: 'V2K_APP_USER_CONFIG_FILE', value: 'production.conf' }],
);

/** k2v-bridge: Kafka to VerneMQ. */
export const k2vBridgeComponent = bridge(
  'k2vBridge',
  'k2v-bridge',
  (p) => `dojot/k2v-bridge:${p.bridges.k2vVersion}`,
  dojotImage('k2v-bridge', 'node:12.18-alpine (dojot/dojot connector/mqtt/vernemq/k2v-bridge/Dockerfile)', [EOL.node12]),
);

/** kafka-loopback: its chart id, role, flavours, Argo CD wave, contract and chart. */
export const kafkaLoopbackComponent = component({
  name: 'kafkaLoopback',
  chartId: 'kafka-loopback',
  role: 'load-test',
  deployedBy: ['100k'],
  wave: 'services',
  contract: kafkaLoopbackContract,
  images: [
    dojotImage('kafka-loopback', 'confluentinc/cp-kafkacat:5.4.1 (dojot/dojot tools/kafka/loopback/Dockerfile)', [
      {
        of: 'Confluent Platform 5.4',
        date: '2023-01-10',
        source: 'https://docs.confluent.io/platform/current/installation/versions-interoperability.html',
      },
    ]),
  ],
  chart: (app, id, p, c: DojotChartProps<KafkaLoopbackChart['contracts']>) =>
    new KafkaLoopbackChart(app, id, { ...c, replicas: p.bridges.replicas, version: p.bridges.loopbackVersion }),
  health: () => ({
    // kafka-loopback (tools/kafka/loopback/bin/entrypoint.sh): no port, no health file, no pgrep; once it has
    // logged in and found its topics it runs kafkacat | jq | kafkacat, and ends when that breaks.
    'kafka-loopback': { 'kafka-loopback': single(running('kafkacat'), 120) },
  }),
  start: (p) => ({ 'kafka-loopback': { 'kafka-loopback': kafkaLoopbackStart(p) } }),
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
