import { dojotImage, EOL } from '../../lib/image-lifecycle';
import { FULL, component } from '../component';
import type { DojotChartProps } from '../dojot-chart';
import { historyContract } from './contract';
import { HistoryChart } from './history-chart';
import { historyStart } from './start-contract';
import { http, portIn, single, WITH_TOKEN } from '../../lib/probes';
import { NODE_USER } from '../../lib/image-users';

/** history: its chart id, role, flavours, Argo CD wave, contract and chart. */
export const historyComponent = component({
  name: 'history',
  chartId: 'history',
  role: 'api',
  deployedBy: (p) => FULL.includes(p.flavour) && p.optional.history,
  wave: 'services',
  contract: historyContract,
  images: [dojotImage('history', 'python:3.6-alpine (dojot/history docker/history.docker)', [EOL.python36])],
  chart: (app, id, p, c: DojotChartProps<HistoryChart['contracts']>) => new HistoryChart(app, id, { ...c, version: p.versions.history }),
  health: (_p, c) => ({
    history: { history: single(http('/log', portIn(c.services.api), WITH_TOKEN), 60) },
  }),
  start: (p) => ({ history: { history: historyStart(p) } }),
  security: {
    // history and persister installed their eggs with setup.py develop: a zipped egg extracts under HOME, which is / for this uid.
    history: { history: { user: NODE_USER, dropAll: true, writable: ['/tmp'], env: { PYTHON_EGG_CACHE: '/tmp/.python-eggs' } } },
  },
  calls: [
    { to: 'mongodb', service: 'db', ports: ['mongo'] },
    { to: 'deviceManager', service: 'api', ports: ['http'] },
  ],
});
