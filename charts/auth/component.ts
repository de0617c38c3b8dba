import { ALL, component } from '../component';
import type { DojotChartProps } from '../dojot-chart';
import { authContract } from './contract';
import { AuthChart } from './auth-chart';

/** auth: its chart id, role, flavours, Argo CD wave, contract and chart. */
export const authComponent = component({
  name: 'auth',
  chartId: 'auth',
  role: 'auth',
  deployedBy: ALL,
  wave: 'services',
  contract: authContract,
  chart: (app, id, p, c: DojotChartProps<AuthChart['contracts']>) => new AuthChart(app, id, { ...c, auth: p.auth }),
  calls: [
    // The dojot-module library asks auth for tenants and data-broker for topics at start.
    { to: 'kafka', service: 'broker', ports: ['kafka'] },
    { to: 'postgres', service: 'db', ports: ['sql'] },
    { to: 'dataBroker', service: 'api', ports: ['http'] },
  ],
});
