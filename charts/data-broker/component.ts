import { replicationFor } from '../kafka/kafka-chart';
import { dojotImage, EOL } from '../../lib/image-lifecycle';
import { REDIS_LIFECYCLE } from '../../lib/redis';
import { DOJOT_MODULE_CALLS } from '../dojot-module';
import { ALL, component } from '../component';
import type { DojotChartProps } from '../dojot-chart';
import { dataBrokerContract } from './contract';
import { DataBrokerChart } from './data-broker-chart';
import { DOJOT_REDIS_START, dataBrokerStart } from './start-contract';
import { alive, http, portIn, ready, redis, starting, tcp, WITH_TOKEN } from '../../lib/probes';
import { REDIS } from '../../lib/image-users';

/** data-broker: its chart id, role, flavours, Argo CD wave, contract and chart. */
export const dataBrokerComponent = component({
  name: 'dataBroker',
  chartId: 'data-broker',
  role: 'api',
  deployedBy: ALL,
  wave: 'services',
  contract: dataBrokerContract,
  images: [dojotImage('data-broker', 'node:10.16.3-alpine (dojot/data-broker docker/Dockerfile)', [EOL.node10]), REDIS_LIFECYCLE],
  chart: (app, id, p, c: DojotChartProps<DataBrokerChart['contracts']>) =>
    new DataBrokerChart(app, id, {
      ...c,
      version: p.dataBroker.version,
      topicPartitions: p.bridges.replicas,
      topicReplicas: replicationFor(p.kafka.clusterSize).factor,
    }),
  health: (_p, c) => ({
    // data-broker v0.6.0: /healthCheck exists once Kafka is up (404 before), behind the token decode.
    'data-broker': {
      'data-broker': {
        readiness: ready(http('/healthCheck', portIn(c.services.api), WITH_TOKEN)),
        liveness: alive(tcp(portIn(c.services.api))),
        startup: starting(tcp(portIn(c.services.api)), 120),
      },
    },
    'data-broker-redis': { 'data-broker-redis': redis(c.services.redis) },
  }),
  start: (p) => ({
    'data-broker': { 'data-broker': dataBrokerStart(p) },
    'data-broker-redis': { 'data-broker-redis': DOJOT_REDIS_START },
  }),
  security: {
    'data-broker': { 'data-broker': { dropAll: false, reason: 'listens on port 80 (src/config.ts), which needs root or a sysctl' } },
    'data-broker-redis': { 'data-broker-redis': REDIS },
  },
  calls: [
    // Built on dojot-module: it asks itself for topics, through its own Service.
    ...DOJOT_MODULE_CALLS,
    { to: 'dataBroker', service: 'redis', ports: ['redis'] },
  ],
});
