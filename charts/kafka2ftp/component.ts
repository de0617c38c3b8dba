import { dojotImage, EOL } from '../../lib/image-lifecycle';
import { FULL, component } from '../component';
import type { DojotChartProps } from '../dojot-chart';
import { kafka2ftpContract } from './contract';
import { Kafka2ftpChart } from './kafka2ftp-chart';
import { kafka2ftpStart } from './start-contract';
import { running, single } from '../../lib/probes';
import { NODE_USER } from '../../lib/image-users';

/** kafka2ftp: its chart id, role, flavours, Argo CD wave, contract and chart. */
export const kafka2ftpComponent = component({
  name: 'kafka2ftp',
  chartId: 'kafka2ftp',
  role: 'worker',
  deployedBy: FULL,
  wave: 'services',
  contract: kafka2ftpContract,
  images: [dojotImage('kafka2ftp', 'node:12.18-alpine (dojot/dojot connector/kafka2ftp/Dockerfile)', [EOL.node12])],
  chart: (app, id, p, c: DojotChartProps<Kafka2ftpChart['contracts']>) =>
    new Kafka2ftpChart(app, id, { ...c, version: p.versions.kafka2ftp }),
  health: () => ({
    // kafka2ftp: no server, no port; it exits on an unhandled error (app/Index.js). Its node process is all there is to see.
    kafka2ftp: { kafka2ftp: single(running('app/Index.js'), 60) },
  }),
  start: (p) => ({ kafka2ftp: { kafka2ftp: kafka2ftpStart(p) } }),
  security: {
    // Node.js services that write nothing: as the image's node user, with npm's files in its home.
    kafka2ftp: { kafka2ftp: { user: NODE_USER, dropAll: true, reason: 'npm writes its logs and update check under HOME, in the image' } },
  },
  calls: [{ to: 'kafka', service: 'broker', ports: ['kafka'] }],
});
