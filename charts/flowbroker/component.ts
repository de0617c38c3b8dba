import { dojotImage, EOL } from '../../lib/image-lifecycle';
import { REDIS_LIFECYCLE } from '../../lib/redis';
import { k8s } from 'cdk8s-plus-27';
import { DOJOT_MODULE_CALLS } from '../dojot-module';
import { FULL, component } from '../component';
import type { DojotChartProps } from '../dojot-chart';
import { flowbrokerContract } from './contract';
import { FLOW_NODE_LABELS, FLOW_NODE_PORT } from './flow-nodes';
import { FlowbrokerChart } from './flowbroker-chart';
import { contextManagerStart, flowbrokerStart } from './start-contract';
import { DOJOT_REDIS_START } from '../data-broker/start-contract';
import { alive, http, portIn, ready, redis, starting, tcp, WITH_TOKEN } from '../../lib/probes';
import { REDIS, NODE_USER } from '../../lib/image-users';

/** flowbroker: its chart id, role, flavours, Argo CD wave, contract and chart. */
export const flowbrokerComponent = component({
  name: 'flowbroker',
  chartId: 'flowbroker',
  role: 'flows',
  deployedBy: FULL,
  wave: 'services',
  contract: flowbrokerContract,
  images: [
    dojotImage('flowbroker', 'node:8.14.0-alpine (dojot/flowbroker orchestrator.docker)', [EOL.node8]),
    dojotImage('flowbroker-context-manager', 'node:8.14.0-alpine (dojot/flowbroker contextManager.docker)', [EOL.node8]),
    REDIS_LIFECYCLE,
  ],
  chart: (app, id, p, c: DojotChartProps<FlowbrokerChart['contracts']>) =>
    new FlowbrokerChart(app, id, {
      ...c,
      version: p.versions.flowbroker,
      contextManagerVersion: p.versions.flowbrokerContextManager,
      rbac: p.kubernetesRbac,
    }),
  health: (_p, c) => ({
    // flowbroker v0.6.0 (orchestrator api.js): /log before the token decode, /healthCheck (MongoDB, Kafka) after.
    flowbroker: {
      flowbroker: {
        readiness: ready(http('/healthCheck', portIn(c.services.api), WITH_TOKEN)),
        liveness: alive(http('/log', portIn(c.services.api))),
        startup: starting(http('/log', portIn(c.services.api)), 180),
      },
      'flowbroker-redis': redis(6379),
      // contextManager/index.js: the ZeroMQ socket binds once Zookeeper is connected; /log at once.
      'flowbroker-context-manager': {
        readiness: ready(tcp('context-zmq')),
        liveness: alive(http('/log', 'context-http')),
        startup: starting(tcp('context-zmq'), 120),
      },
    },
  }),
  start: (p) => ({
    flowbroker: {
      flowbroker: flowbrokerStart(p),
      'flowbroker-redis': DOJOT_REDIS_START,
      'flowbroker-context-manager': contextManagerStart(p),
    },
  }),
  security: {
    flowbroker: {
      flowbroker: { dropAll: false, reason: 'listens on port 80, hard-coded (orchestrator api.js: app.listen(80))' },
      'flowbroker-redis': REDIS,
      'flowbroker-context-manager': { user: NODE_USER, dropAll: true, reason: 'untried on a read-only root' },
    },
  },
  // Flow nodes, created by flowbroker at run time, call its context manager.
  admits: () => [{ service: 'contextManager', ports: ['zmq'], from: { podSelector: { matchLabels: { ...FLOW_NODE_LABELS } } } }],
  calls: [
    ...DOJOT_MODULE_CALLS,
    { to: 'zookeeper', service: 'client', ports: ['client'] },
    { to: 'mongodb', service: 'db', ports: ['mongo'] },
    { to: 'rabbitmq', service: 'amqp', ports: ['amqp'] },
    { to: 'deviceManager', service: 'api', ports: ['http'] },
    // Its cron flow nodes call cron directly (nodes/cron/cron.js).
    { to: 'cron', service: 'api', ports: ['http'] },
  ],
  // The flow nodes it starts take its calls, on a port no Service has.
  ownPolicies: (_p, _c, ownPods) => [
    {
      id: 'FlowNodes',
      name: 'flow-nodes-ingress',
      spec: {
        podSelector: { matchLabels: { ...FLOW_NODE_LABELS } },
        policyTypes: ['Ingress'],
        ingress: [{ from: [ownPods], ports: [{ protocol: 'TCP', port: k8s.IntOrString.fromNumber(FLOW_NODE_PORT) }] }],
      },
    },
  ],
});
