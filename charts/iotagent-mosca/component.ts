import { component } from '../component';
import type { DojotChartProps } from '../dojot-chart';
import { iotagentMoscaContract } from './contract';
import { IotagentMoscaChart } from './iotagent-mosca-chart';

/** iotagent-mosca: its chart id, role, flavours, Argo CD wave, contract and chart. */
export const iotagentMoscaComponent = component({
  name: 'iotagentMosca',
  chartId: 'iotagent-mosca',
  role: 'iot-agent',
  deployedBy: ['mosca'],
  wave: 'services',
  contract: iotagentMoscaContract,
  chart: (app, id, p, c: DojotChartProps<IotagentMoscaChart['contracts']>) =>
    new IotagentMoscaChart(app, id, {
      ...c,
      version: p.versions.iotagentMosca,
      domainName: p.domainName,
      insecureMqtt: p.vernemq.insecureMqtt,
    }),
});
