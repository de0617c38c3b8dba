import { ALL, component } from '../component';
import type { DojotChartProps } from '../dojot-chart';
import { kongContract } from './contract';
import { KongChart } from './kong-chart';

/** kong: its chart id, role, flavours, Argo CD wave, contract and chart. */
export const kongComponent = component({
  name: 'kong',
  chartId: 'kong',
  role: 'api-gateway',
  deployedBy: ALL,
  wave: 'services',
  contract: kongContract,
  chart: (app, id, p, c: DojotChartProps<KongChart['contracts']>, deployed) =>
    new KongChart(app, id, { ...c, apigw: p.apigw, routes: deployed.flatMap((k) => k.routes ?? []) }),
  calls: [
    { to: 'postgres', service: 'db', ports: ['sql'] },
    { to: 'auth', service: 'api', ports: ['http'] },
  ],
});
