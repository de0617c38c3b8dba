import { dojotImage, EOL } from '../../lib/image-lifecycle';
import { DOJOT_MODULE_CALLS } from '../dojot-module';
import { FULL, component } from '../component';
import type { DojotChartProps } from '../dojot-chart';
import { persisterContract } from './contract';
import { PersisterChart } from './persister-chart';
import { persisterStart } from './start-contract';
import { http, single } from '../../lib/probes';
import { NODE_USER } from '../../lib/image-users';

/** persister's wsgiref server (history repo, subscriber/persister.py: `GET /persister/log`, no auth). */
const PERSISTER_LOG_PORT = 8057;

/** persister: its chart id, role, flavours, Argo CD wave, contract and chart. */
export const persisterComponent = component({
  name: 'persister',
  chartId: 'persister',
  role: 'worker',
  deployedBy: (p) => FULL.includes(p.flavour) && p.optional.persister,
  wave: 'services',
  contract: persisterContract,
  images: [dojotImage('persister', 'python:3.6-alpine (dojot/history docker/persister.docker)', [EOL.python36])],
  chart: (app, id, p, c: DojotChartProps<PersisterChart['contracts']>) =>
    new PersisterChart(app, id, { ...c, version: p.versions.persister }),
  health: () => ({
    // persister: its log server starts after MongoDB, auth and Kafka, so it is also readiness.
    persister: { persister: single(http('/persister/log', PERSISTER_LOG_PORT), 180) },
  }),
  start: (p) => ({ persister: { persister: persisterStart(p) } }),
  security: {
    // history and persister installed their eggs with setup.py develop: a zipped egg extracts under HOME, which is / for this uid.
    persister: { persister: { user: NODE_USER, dropAll: true, writable: ['/tmp'], env: { PYTHON_EGG_CACHE: '/tmp/.python-eggs' } } },
  },
  calls: [...DOJOT_MODULE_CALLS, { to: 'mongodb', service: 'db', ports: ['mongo'] }],
});
