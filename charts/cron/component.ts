import { FULL, component } from '../component';
import type { DojotChartProps } from '../dojot-chart';
import { cronContract } from './contract';
import { CronChart } from './cron-chart';

/** cron: its chart id, role, flavours, Argo CD wave, contract and chart. */
export const cronComponent = component({
  name: 'cron',
  chartId: 'cron',
  role: 'api',
  deployedBy: FULL,
  wave: 'services',
  contract: cronContract,
  chart: (app, id, p, c: DojotChartProps<CronChart['contracts']>) => new CronChart(app, id, { ...c, version: p.version }),
});
