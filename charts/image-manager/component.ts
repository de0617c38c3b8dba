import { dojotImage, EOL } from '../../lib/image-lifecycle';
import { FULL, component } from '../component';
import type { DojotChartProps } from '../dojot-chart';
import { imageManagerContract } from './contract';
import { ImageManagerChart } from './image-manager-chart';
import { imageManagerStart } from './start-contract';
import { portIn, single, tcp } from '../../lib/probes';
import { NODE_USER } from '../../lib/image-users';

/** image-manager: its chart id, role, flavours, Argo CD wave, contract and chart. */
export const imageManagerComponent = component({
  name: 'imageManager',
  chartId: 'image-manager',
  role: 'api',
  deployedBy: FULL,
  wave: 'services',
  contract: imageManagerContract,
  images: [dojotImage('image-manager', 'python:3.6-alpine (dojot/image-manager Dockerfile)', [EOL.python36])],
  chart: (app, id, p, c: DojotChartProps<ImageManagerChart['contracts']>) =>
    new ImageManagerChart(app, id, { ...c, version: p.versions.imageManager }),
  health: (_p, c) => ({
    // image-manager v0.6.0: every route creates the token's tenant (schema, bucket): TCP only.
    'image-manager': { 'image-manager': single(tcp(portIn(c.services.api)), 60) },
  }),
  start: (p) => ({ 'image-manager': { 'image-manager': imageManagerStart(p) } }),
  security: {
    // Python (alpine) services: no user of their own; any uid reads the application; gunicorn needs a writable /tmp.
    'image-manager': { 'image-manager': { user: NODE_USER, dropAll: true, writable: ['/tmp'] } },
  },
  calls: [
    { to: 'postgres', service: 'db', ports: ['sql'] },
    { to: 'minio', service: 's3', ports: ['s3'] },
  ],
});
