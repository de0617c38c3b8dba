import { serviceUrl } from '../../lib/contract';
import { safe, unsafe, type StartContract } from '../../lib/start-contract';
import type { Profile } from '../../profile/types';
import { influxdbContract } from '../influxdb/contract';

const INDEX = 'storage/time-series/influxdb/retriever/index.js';
/** Read through @dojot/microservice-sdk 0.1.9's ConfigManager (package-lock.json), prefix RETRIEVER_. */
const CONF = 'storage/time-series/influxdb/retriever/config/default.conf';
const INFLUX = 'app/influx/index.js';

/**
 * dojot/dojot v0.6.0, `storage/time-series/influxdb/retriever`. `Dockerfile`: FROM
 * node:12.18-alpine, ENTRYPOINT `/sbin/tini --`, CMD `npm run influxdb-retriever` (`package.json`:
 * `node index.js`). `index.js` has @dojot/microservice-sdk 0.1.9 (`lib/configManager`) merge
 * `config/default.conf` with every variable whose name contains `RETRIEVER_` into
 * `config/retriever.json` (Kubernetes' service links of `influxdb-retriever`, such as
 * `INFLUXDB_RETRIEVER_PORT`, enter it as `influxdb.*`, which nothing reads). `app/App.js` starts
 * Lightship (plain HTTP on 9000: lightship 6.2.1's default), asks InfluxDB `/ready`
 * (`app/influx/State.js`) and kills itself when it is not, then listens on `server.port`
 * (`app/Server.js`, the SDK's `webUtils/createServer.js`: plain HTTP, default.conf sets no
 * certificate). It reads no file the image does not ship (`api/v1.yml` is in it).
 */
export const influxdbRetrieverStart = (p: Profile): StartContract => {
  const influx = serviceUrl(influxdbContract(p).services.api, 'http');
  return {
    runs: 'tini -- npm run influxdb-retriever: node index.js',
    source: 'storage/time-series/influxdb/retriever/Dockerfile (ENTRYPOINT, CMD), package.json (scripts.influxdb-retriever)',
    env: [
      { name: 'RETRIEVER_USER_CONFIG_FILE', source: INDEX, default: safe('production.conf (not in the image: none)') },
      { name: 'RETRIEVER_LOG_CONSOLE_LEVEL', source: `${CONF}, ${INDEX}`, default: safe('info'), value: p.influxdb.retrieverLogLevel },
      // A URL with a port: held to the contract's, its connection by `peers`.
      {
        name: 'RETRIEVER_INFLUX_URL',
        source: `${CONF}, ${INFLUX}, app/influx/State.js`,
        default: { value: 'http://influxdb:8086', safe: influx === 'http://influxdb:8086' },
        value: influx,
      },
      // v0.6.0's well-known token, which InfluxDB's setup Job gave its first user; ours is generated.
      { name: 'RETRIEVER_INFLUX_DEFAULT_TOKEN', source: `${CONF}, ${INFLUX}`, default: unsafe('dojot@token_default'), credential: true },
      // The bucket influxdb-storer writes each tenant's data into.
      { name: 'RETRIEVER_INFLUX_DEFAULT_BUCKET', source: `${CONF}, ${INFLUX}`, default: safe('devices'), value: p.influxdb.bucket },
      { name: 'RETRIEVER_SERVER_HOST', source: `${CONF}, app/Server.js`, default: safe('0.0.0.0') },
      { name: 'RETRIEVER_SERVER_PORT', source: `${CONF}, app/Server.js`, default: safe('3000'), listens: { service: 'api', port: 'http' } },
      { name: 'RETRIEVER_EXPRESS_TRUSTPROXY', source: `${CONF}, app/express/index.js`, default: safe('true') },
      { name: 'RETRIEVER_LIGHTSHIP_DETECT_KUBERNETES', source: `${CONF}, app/App.js`, default: safe('false') },
    ],
    peers: [{ to: 'influxdb', service: 'api', port: 'http', source: `${CONF} (influx.url), app/influx/State.js` }],
  };
};
