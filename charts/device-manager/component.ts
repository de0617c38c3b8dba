import { FULL, component } from '../component';
import type { DojotChartProps } from '../dojot-chart';
import { deviceManagerContract } from './contract';
import { DeviceManagerChart } from './device-manager-chart';

/** device-manager: its chart id, role, flavours, Argo CD wave, contract and chart. */
export const deviceManagerComponent = component({
  name: 'deviceManager',
  chartId: 'device-manager',
  role: 'api',
  deployedBy: FULL,
  wave: 'services',
  contract: deviceManagerContract,
  chart: (app, id, p, c: DojotChartProps<DeviceManagerChart['contracts']>) =>
    new DeviceManagerChart(app, id, { ...c, version: p.versions.deviceManager }),
});
