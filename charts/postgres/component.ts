import { ALL, component } from '../component';
import type { DojotChartProps } from '../dojot-chart';
import { postgresContract } from './contract';
import { PostgresChart } from './postgres-chart';

/** postgres: its chart id, role, flavours, Argo CD wave, contract and chart. */
export const postgresComponent = component({
  name: 'postgres',
  chartId: 'postgres',
  role: 'database',
  deployedBy: ALL,
  wave: 'dataStores',
  contract: postgresContract,
  chart: (app, id, p, c: DojotChartProps<PostgresChart['contracts']>) => new PostgresChart(app, id, { ...c, postgres: p.postgres }),
});
