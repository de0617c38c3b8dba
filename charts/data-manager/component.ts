import { dojotImage, EOL } from '../../lib/image-lifecycle';
import { FULL, component } from '../component';
import type { DojotChartProps } from '../dojot-chart';
import { dataManagerContract } from './contract';
import { DataManagerChart } from './data-manager-chart';
import { dataManagerStart } from './start-contract';
import { portIn, single, tcp } from '../../lib/probes';

/** data-manager: its chart id, role, flavours, Argo CD wave, contract and chart. */
export const dataManagerComponent = component({
  name: 'dataManager',
  chartId: 'data-manager',
  role: 'api',
  deployedBy: FULL,
  wave: 'services',
  contract: dataManagerContract,
  images: [dojotImage('data-manager', 'node:8.14.0-alpine (dojot/data-manager Dockerfile)', [EOL.node8])],
  chart: (app, id, p, c: DojotChartProps<DataManagerChart['contracts']>) =>
    new DataManagerChart(app, id, { ...c, version: p.versions.dataManager }),
  health: (_p, c) => ({
    // data-manager v0.6.0: no health route; it compiles itself with babel at every start.
    'data-manager': { 'data-manager': single(tcp(portIn(c.services.api)), 120) },
  }),
  start: (p) => ({ 'data-manager': { 'data-manager': dataManagerStart(p) } }),
  security: {
    'data-manager': {
      'data-manager': { dropAll: false, reason: 'compiles itself into its root-owned dist/ with babel at every start (npm start)' },
    },
  },
  calls: [
    { to: 'deviceManager', service: 'api', ports: ['http'] },
    { to: 'flowbroker', service: 'api', ports: ['http'] },
    { to: 'cron', service: 'api', ports: ['http'] },
  ],
});
