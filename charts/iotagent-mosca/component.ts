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
  calls: [
    // The dojot-module library asks auth for tenants and data-broker for topics at start.
    { to: 'kafka', service: 'broker', ports: ['kafka'] },
    { to: 'auth', service: 'api', ports: ['http'] },
    { to: 'dataBroker', service: 'api', ports: ['http'] },
    { to: 'deviceManager', service: 'api', ports: ['http'] },
    // Mosca signs its certificate at start.
    { to: 'x509IdentityMgmt', service: 'api', ports: ['http'] },
  ],
});
