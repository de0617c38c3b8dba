import { serviceUrl } from '../../lib/contract';
import { safe, type StartContract } from '../../lib/start-contract';
import type { Profile } from '../../profile/types';
import { cronContract } from '../cron/contract';
import { deviceManagerContract } from '../device-manager/contract';
import { flowbrokerContract } from '../flowbroker/contract';

const CONFIG = 'src/config.js';

/**
 * dojot/data-manager v0.6.0. `Dockerfile`: FROM node:8.14.0-alpine, `COPY src .` into
 * /opt/datamanager, ENTRYPOINT tini, CMD `npm start`, which `package.json` makes `npm run build
 * && node dist/index.js` (build: `rimraf dist/ && babel ./ --out-dir dist/`, with
 * `src/.babelrc`'s es2015 preset, into the image's own directory). `src/index.js` listens on
 * `PORT` and nothing else: it calls flowbroker, device-manager and cron per request, with the
 * caller's token (`src/utils/requests.js`, `src/services/*.js`), at the URLs `src/config.js`
 * reads. It reads no file outside the image.
 */
export const dataManagerStart = (p: Profile): StartContract => ({
  runs: 'tini -- npm start: npm run build (rimraf dist/ && babel ./ --out-dir dist/) && node dist/index.js',
  source: 'Dockerfile (ENTRYPOINT, CMD), package.json (scripts.start, scripts.build)',
  env: [
    { name: 'PORT', source: `${CONFIG}, src/index.js`, default: safe('3000'), listens: { service: 'api', port: 'http' } },
    // URLs with a port: held to the contracts' (the defaults are the same), their connections by `peers`.
    {
      name: 'FLOW_BROKER_URL',
      source: `${CONFIG}, src/services/requestsFlow.js, requestsNode.js`,
      default: safe('http://flowbroker:80'),
      value: serviceUrl(flowbrokerContract(p).services.api, 'http'),
    },
    {
      name: 'DEVICE_MANAGER_URL',
      source: `${CONFIG}, src/services/requestsDevice.js, requestsTemplate.js`,
      default: safe('http://device-manager:5000'),
      value: serviceUrl(deviceManagerContract(p).services.api, 'http'),
    },
    {
      name: 'CRON_URL',
      source: `${CONFIG}, src/services/requestCron.js`,
      default: safe('http://cron:5000/cron'),
      value: serviceUrl(cronContract(p).services.api, 'http', '/cron'),
    },
    { name: 'REQUEST_BODY_LIMIT', source: `${CONFIG}, src/index.js`, default: safe('1mb') },
  ],
  peers: [
    { to: 'flowbroker', service: 'api', port: 'http', source: `${CONFIG} (FLOW_BROKER_URL)` },
    { to: 'deviceManager', service: 'api', port: 'http', source: `${CONFIG} (DEVICE_MANAGER_URL)` },
    { to: 'cron', service: 'api', port: 'http', source: `${CONFIG} (CRON_URL)` },
  ],
});
