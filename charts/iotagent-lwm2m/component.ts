import { dojotImage } from '../../lib/image-lifecycle';
import { DOJOT_MODULE_CALLS } from '../dojot-module';
import { component } from '../component';
import type { DojotChartProps } from '../dojot-chart';
import { iotagentLwm2mContract } from './contract';
import { IotagentLwm2mChart } from './iotagent-lwm2m-chart';
import { iotagentLwm2mStart } from './start-contract';
import { portIn, single, tcp } from '../../lib/probes';

/** iotagent-lwm2m: its chart id, role, flavours, Argo CD wave, contract and chart. */
export const iotagentLwm2mComponent = component({
  name: 'iotagentLwm2m',
  chartId: 'iotagent-lwm2m',
  role: 'iot-agent',
  deployedBy: ['lwm2m'],
  wave: 'services',
  contract: iotagentLwm2mContract,
  images: [dojotImage('iotagent-leshan', 'zenika/alpine-maven:3-jdk8 (dojot/iotagent-leshan Dockerfile, branch release/v0.6.0)', [])],
  chart: (app, id, p, c: DojotChartProps<IotagentLwm2mChart['contracts']>) =>
    new IotagentLwm2mChart(app, id, { ...c, version: p.versions.iotagentLwm2m, lwm2m: p.iotagentLwm2m }),
  health: (_p, c) => ({
    // iotagent-leshan release/v0.6.0: its only TCP listener is the firmware file server, opened after bootstrap.
    'iotagent-lwm2m': { 'iotagent-lwm2m': single(tcp(portIn(c.services.lwm2m)), 180) },
  }),
  start: (p) => ({ 'iotagent-lwm2m': { 'iotagent-lwm2m': iotagentLwm2mStart(p) } }),
  security: {
    'iotagent-lwm2m': {
      'iotagent-lwm2m': { dropAll: false, reason: 'writes firmware files into its root-owned data directory (/usr/src/app/data)' },
    },
  },
  calls: [
    ...DOJOT_MODULE_CALLS,
    { to: 'deviceManager', service: 'api', ports: ['http'] },
    { to: 'imageManager', service: 'api', ports: ['http'] },
  ],
});
