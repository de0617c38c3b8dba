import { dojotImage, EOL } from '../../lib/image-lifecycle';
import { FULL, component } from '../component';
import type { DojotChartProps } from '../dojot-chart';
import { guiV2Contract } from './contract';
import { GuiV2Chart } from './gui-v2-chart';
import { GUI_V2_START } from './start-contract';
import { http, portIn, single } from '../../lib/probes';

/** gui-v2: its chart id, role, flavours, Argo CD wave, contract and chart. */
export const guiV2Component = component({
  name: 'guiV2',
  chartId: 'gui-v2',
  role: 'web',
  deployedBy: (p) => FULL.includes(p.flavour) && p.guiV2.enabled,
  wave: 'services',
  contract: guiV2Contract,
  images: [dojotImage('gui-v2', 'nginx:1.19 (dojot/gui-v2 Dockerfile, built with node:12.18.2)', [EOL.nginx])],
  chart: (app, id, p, c: DojotChartProps<GuiV2Chart['contracts']>) =>
    new GuiV2Chart(app, id, { ...c, image: p.guiV2.image, version: p.guiV2.version }),
  health: (_p, c) => ({
    'gui-v2': { 'gui-v2': single(http('/', portIn(c.services.web)), 30) },
  }),
  start: () => ({ 'gui-v2': { 'gui-v2': GUI_V2_START } }),
  security: {
    'gui-v2': {
      'gui-v2': {
        dropAll: false,
        reason: 'nginx 1.19 as built: root master on port 80, workers as user nginx (needs setuid, setgid, chown)',
      },
    },
  },
});
