import { dojotImage, EOL } from '../../lib/image-lifecycle';
import { FULL, component } from '../component';
import type { DojotChartProps } from '../dojot-chart';
import { guiContract } from './contract';
import { GuiChart } from './gui-chart';
import { GUI_START } from './start-contract';
import { http, portIn, single } from '../../lib/probes';

/** gui: its chart id, role, flavours, Argo CD wave, contract and chart. */
export const guiComponent = component({
  name: 'gui',
  chartId: 'gui',
  role: 'web',
  deployedBy: FULL,
  wave: 'services',
  contract: guiContract,
  images: [dojotImage('gui', 'nginx:1.15.7-alpine (dojot/gui Dockerfile, built with node:10.23.0-alpine3.10)', [EOL.nginx])],
  chart: (app, id, p, c: DojotChartProps<GuiChart['contracts']>) => new GuiChart(app, id, { ...c, version: p.versions.gui }),
  health: (_p, c) => ({
    // nginx serving static files.
    gui: { gui: single(http('/', portIn(c.services.web)), 30) },
  }),
  start: () => ({ gui: { gui: GUI_START } }),
  security: {
    gui: {
      gui: { dropAll: false, reason: 'nginx 1.15 as built: root master on port 80, workers as user nginx (needs setuid, setgid, chown)' },
    },
  },
});
