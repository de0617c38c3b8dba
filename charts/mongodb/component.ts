import { mongodbSecrets } from './secret';
import { ALL, component } from '../component';
import type { DojotChartProps } from '../dojot-chart';
import { mongodbContract } from './contract';
import { MongodbChart } from './mongodb-chart';
import { mongodbStart } from './start-contract';
import { exec, single } from '../../lib/probes';

/** mongodb: its chart id, role, flavours, Argo CD wave, contract and chart. */
export const mongodbComponent = component({
  name: 'mongodb',
  chartId: 'mongodb',
  role: 'database',
  deployedBy: ALL,
  wave: 'dataStores',
  contract: mongodbContract,
  images: [
    {
      image: 'dojot/mongo:3.2',
      runs: 'MongoDB 3.2',
      base: 'mongo:3.2 (docker-library/mongo 3.2, as dojot/mongo copies it)',
      endOfLife: [{ of: 'MongoDB 3.2', date: '2018-09-30', source: 'https://www.mongodb.com/legal/support-policy/lifecycles' }],
    },
  ],
  secrets: mongodbSecrets,
  chart: (app, id, p, c: DojotChartProps<MongodbChart['contracts']>) => new MongodbChart(app, id, { ...c, mongodb: p.mongodb }),
  health: (p) => ({
    // docker-library/mongo 3.2: the mongo shell is in the image (mongodb-org-shell); ping needs no login.
    mongodb: {
      mongodb: single(
        exec('mongo', '--quiet', '--port', String(p.mongodb.port), '--eval', 'quit(db.adminCommand("ping").ok ? 0 : 1)'),
        120,
        10,
      ),
    },
  }),
  start: () => ({ mongodb: { mongodb: mongodbStart } }),
  security: {
    mongodb: {
      mongodb: {
        dropAll: false,
        reason: 'its entrypoint chowns /data/db, then drops to user mongodb (gosu), whose uid the image does not fix',
      },
    },
  },
});
