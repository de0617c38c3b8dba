import { FULL, component } from '../component';
import type { DojotChartProps } from '../dojot-chart';
import { flowbrokerContract } from './contract';
import { FlowbrokerChart } from './flowbroker-chart';

/** flowbroker: its chart id, role, flavours, Argo CD wave, contract and chart. */
export const flowbrokerComponent = component({
  name: 'flowbroker',
  chartId: 'flowbroker',
  role: 'flows',
  deployedBy: FULL,
  wave: 'services',
  contract: flowbrokerContract,
  chart: (app, id, p, c: DojotChartProps<FlowbrokerChart['contracts']>) =>
    new FlowbrokerChart(app, id, {
      ...c,
      version: p.versions.flowbroker,
      contextManagerVersion: p.versions.flowbrokerContextManager,
      rbac: p.kubernetesRbac,
    }),
  calls: [
    // The dojot-module library asks auth for tenants and data-broker for topics at start.
    { to: 'kafka', service: 'broker', ports: ['kafka'] },
    { to: 'zookeeper', service: 'client', ports: ['client'] },
    { to: 'mongodb', service: 'db', ports: ['mongo'] },
    { to: 'rabbitmq', service: 'amqp', ports: ['amqp'] },
    { to: 'auth', service: 'api', ports: ['http'] },
    { to: 'dataBroker', service: 'api', ports: ['http'] },
    { to: 'deviceManager', service: 'api', ports: ['http'] },
    // Its cron flow nodes call cron directly (nodes/cron/cron.js).
    { to: 'cron', service: 'api', ports: ['http'] },
  ],
});
