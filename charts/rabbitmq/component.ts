import { FULL, component } from '../component';
import type { DojotChartProps } from '../dojot-chart';
import { rabbitmqContract } from './contract';
import { RabbitmqChart } from './rabbitmq-chart';
import { alive, exec, ready, starting } from '../../lib/probes';

/** rabbitmq: its chart id, role, flavours, Argo CD wave, contract and chart. */
export const rabbitmqComponent = component({
  name: 'rabbitmq',
  chartId: 'rabbitmq',
  role: 'message-queue',
  deployedBy: FULL,
  wave: 'dataStores',
  contract: rabbitmqContract,
  chart: (app, id, p, c: DojotChartProps<RabbitmqChart['contracts']>) => new RabbitmqChart(app, id, { ...c, version: p.versions.rabbitmq }),
  health: (_p) => ({
    // rabbitmq 3.7.24: each call boots an Erlang VM (1-3 s), hence the timeouts.
    rabbitmq: {
      rabbitmq: {
        readiness: ready(exec('rabbitmq-diagnostics', '-q', 'check_running'), 15),
        liveness: alive(exec('rabbitmq-diagnostics', '-q', 'ping'), 15),
        startup: starting(exec('rabbitmq-diagnostics', '-q', 'ping'), 120, 15),
      },
    },
  }),
});
