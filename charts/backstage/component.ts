import { FULL, component } from '../component';
import type { DojotChartProps } from '../dojot-chart';
import { backstageContract } from './contract';
import { BackstageChart } from './backstage-chart';

/** backstage: its chart id, role, flavours, Argo CD wave, contract and chart. */
export const backstageComponent = component({
  name: 'backstage',
  chartId: 'backstage',
  role: 'api',
  deployedBy: FULL,
  wave: 'services',
  contract: backstageContract,
  chart: (app, id, p, c: DojotChartProps<BackstageChart['contracts']>) => new BackstageChart(app, id, { ...c, version: p.version }),
  calls: [
    { to: 'postgres', service: 'db', ports: ['sql'] },
    { to: 'auth', service: 'api', ports: ['http'] },
    // The only service that goes through Kong's proxy.
    { to: 'kong', service: 'internal', ports: ['proxy'] },
  ],
});
