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
});
