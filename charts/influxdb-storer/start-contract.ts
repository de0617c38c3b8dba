import { hostPort, serviceUrl } from '../../lib/contract';
import { safe, unsafe, type StartContract } from '../../lib/start-contract';
import type { Profile } from '../../profile/types';
import { influxdbContract } from '../influxdb/contract';
import { kafkaContract } from '../kafka/contract';

const INDEX = 'storage/time-series/influxdb/storer/index.js';
/** Read through @dojot/microservice-sdk 0.1.9's ConfigManager (package-lock.json), prefix STORER_. */
const CONF = 'storage/time-series/influxdb/storer/config/default.conf';
const INFLUX = 'app/influx/index.js';

/**
 * dojot/dojot v0.6.0, `storage/time-series/influxdb/storer`. `Dockerfile`: FROM node:12.18-alpine,
 * ENTRYPOINT `/sbin/tini --`, CMD `npm run influxdb-storer` (`package.json`: `node index.js`).
 * `index.js` has @dojot/microservice-sdk 0.1.9 (`lib/configManager`) merge `config/default.conf`
 * with every variable whose name contains `STORER_` (`STORER_INFLUX_URL` is `influx.url`) into
 * `config/storer.json`; `app/App.js` starts Lightship (plain HTTP on 9000: lightship 6.2.1's
 * default, `lightship.detect.kubernetes` false), asks InfluxDB `/ready` (`app/influx/State.js`)
 * and kills itself when it is not, then starts the Kafka consumer (`app/kafka/DojotConsumer.js`,
 * the `consumer.*` settings). `${HOSTNAME}` in default.conf is the pod's. It reads no file the
 * image does not ship and serves nothing but Lightship.
 */
export const influxdbStorerStart = (p: Profile): StartContract => {
  const influx = serviceUrl(influxdbContract(p).services.api, 'http');
  return {
    runs: 'tini -- npm run influxdb-storer: node index.js',
    source: 'storage/time-series/influxdb/storer/Dockerfile (ENTRYPOINT, CMD), package.json (scripts.influxdb-storer)',
    env: [
      { name: 'STORER_USER_CONFIG_FILE', source: INDEX, default: safe('production.conf (not in the image: none)') },
      { name: 'STORER_LOG_CONSOLE_LEVEL', source: `${CONF}, ${INDEX}`, default: safe('info'), value: p.influxdb.storerLogLevel },
      // host:port: held to the contract's, its connection by `peers`.
      {
        name: 'STORER_CONSUMER_METADATA_BROKER_LIST',
        source: `${CONF}, app/kafka/DojotConsumer.js`,
        default: unsafe('kafka:9092'),
        value: hostPort(kafkaContract(p).services.broker, 'kafka'),
      },
      { name: 'STORER_CONSUMER_GROUP_ID', source: CONF, default: safe('influxdb-storer') },
      // A URL with a port: held to the contract's, its connection by `peers`.
      {
        name: 'STORER_INFLUX_URL',
        source: `${CONF}, ${INFLUX}, app/influx/State.js`,
        default: { value: 'http://influxdb:8086', safe: influx === 'http://influxdb:8086' },
        value: influx,
      },
      // v0.6.0's well-known token, which InfluxDB's setup Job gave its first user; ours is generated.
      { name: 'STORER_INFLUX_DEFAULT_TOKEN', source: `${CONF}, ${INFLUX}`, default: unsafe('dojot@token_default'), credential: true },
      // Each tenant's organization gets a bucket of this name, the one influxdb-retriever reads.
      { name: 'STORER_INFLUX_DEFAULT_BUCKET', source: `${CONF}, ${INFLUX}`, default: safe('devices'), value: p.influxdb.bucket },
      // Passed to app/influx/Organizations.js, which keeps it and never uses it.
      { name: 'STORER_INFLUX_DEFAULT_ORGANIZATION', source: `${CONF}, ${INFLUX}`, default: safe('admin') },
      { name: 'STORER_INFLUX_RETENTION_HRS', source: `${CONF}, app/influx/Organizations.js`, default: safe('168') },
      { name: 'STORER_LIGHTSHIP_DETECT_KUBERNETES', source: `${CONF}, app/App.js`, default: safe('false') },
    ],
    peers: [
      { to: 'kafka', service: 'broker', port: 'kafka', source: `${CONF} (consumer.metadata.broker.list), app/kafka/DojotConsumer.js` },
      { to: 'influxdb', service: 'api', port: 'http', source: `${CONF} (influx.url), app/influx/State.js` },
    ],
  };
};
