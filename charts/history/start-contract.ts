import { serviceUrl } from '../../lib/contract';
import { safe, unsafe, type StartContract, type StartVariable } from '../../lib/start-contract';
import type { Profile } from '../../profile/types';
import { deviceManagerContract } from '../device-manager/contract';

const CONF = 'history/conf.py';

/**
 * dojot/history v0.6.0 `history/conf.py`, read at import by history (`history/app.py`,
 * `history/api/models.py`) and by persister (`history/subscriber/persister.py`), one image each
 * from this repository. Of its values, history uses the log level, the MongoDB address (models.py:
 * `pymongo.MongoClient(db_host, replicaSet=...)`, no credentials) and device-manager's URL;
 * persister the log level, the MongoDB address and the data expiration. Everything else (Kafka,
 * the subjects, data-broker, auth) is computed and never read: persister's Kafka and peers come
 * from dojot.module (charts/auth/start-contract.ts).
 */
export function historyConfEnv(): StartVariable[] {
  return [
    { name: 'LOG_LEVEL', source: CONF, default: safe('INFO') },
    {
      name: 'HISTORY_DB_ADDRESS',
      source: CONF,
      default: safe('mongodb'),
      peer: { to: 'mongodb', service: 'db', port: 'mongo', part: 'host' },
    },
    {
      name: 'HISTORY_DB_PORT',
      source: CONF,
      default: safe('27017'),
      peer: { to: 'mongodb', service: 'db', port: 'mongo', part: 'port' },
    },
    { name: 'HISTORY_DB_REPLICA_SET', source: CONF, default: safe('None') },
    // Used by persister only (create_indexes: the TTL index); a value set reaches it as a string, the default is a number.
    { name: 'HISTORY_DB_DATA_EXPIRATION', source: CONF, default: safe('604800') },
    { name: 'MONGO_SHARD', source: CONF, default: safe('False') },
    // Computed into conf.kafka_host and kafka_group_id, which nothing reads.
    { name: 'KAFKA_ADDRESS', source: `${CONF} (unused)`, default: safe('kafka') },
    { name: 'KAFKA_PORT', source: `${CONF} (unused)`, default: safe('9092') },
    { name: 'KAFKA_GROUP_ID', source: `${CONF} (unused)`, default: safe('history') },
    { name: 'DOJOT_SUBJECT_TENANCY', source: `${CONF} (unused)`, default: safe('dojot.tenancy') },
    { name: 'DOJOT_SUBJECT_DEVICES', source: `${CONF} (unused)`, default: safe('dojot.device-manager.device') },
    { name: 'DOJOT_SUBJECT_DEVICE_DATA', source: `${CONF} (unused)`, default: safe('device-data') },
    { name: 'DOJOT_SERVICE_MANAGEMENT', source: `${CONF} (unused)`, default: safe('dojot-management') },
    { name: 'DATA_BROKER_URL', source: `${CONF} (unused)`, default: safe('http://data-broker') },
    { name: 'AUTH_URL', source: `${CONF} (unused)`, default: safe('http://auth:5000') },
    { name: 'DEVICE_MANAGER_URL', source: `${CONF} (used by history only)`, default: safe('http://device-manager:5000') },
  ];
}

/**
 * `setup.py develop` (docker/*.docker) installs the requirements as eggs, which pkg_resources
 * (setuptools) extracts into PYTHON_EGG_CACHE, by default `~/.python-eggs`: HOME is / for the
 * image-less uid these run as, on a read-only root (component.ts, security, sets it under /tmp).
 */
export const PYTHON_EGG_CACHE: StartVariable = {
  name: 'PYTHON_EGG_CACHE',
  source: 'docker/history.docker, docker/persister.docker (setup.py develop), pkg_resources get_default_cache',
  default: unsafe('~/.python-eggs'),
  value: '/tmp/.python-eggs',
};

/**
 * dojot/history v0.6.0. `docker/history.docker`: python:3.6-alpine, ENTRYPOINT tini, CMD `sh
 * ./docker/falcon-docker-entrypoint.sh start`, which execs `gunicorn history.app:app --bind
 * 0.0.0.0:8000 -k gevent`. `history/app.py` builds the falcon API; `history/api/models.py` makes
 * its MongoDB client at import (no credentials: MongoDB runs without them here too) and asks
 * device-manager for a device's attributes on `/device/<id>/history` without `attr`
 * (`get_attrs`, DEVICE_MANAGER_URL + `/device/<id>`). It reads no dojot.module setting and no
 * FALCON_SETTINGS_MODULE or DOJOT_MANAGEMENT_USER (nothing in the repository does).
 */
export function historyStart(p: Profile): StartContract {
  const deviceManager = serviceUrl(deviceManagerContract(p).services.api, 'http');
  return {
    runs: 'sh ./docker/falcon-docker-entrypoint.sh start: exec gunicorn history.app:app --bind 0.0.0.0:8000',
    source: 'docker/history.docker (ENTRYPOINT, CMD), docker/falcon-docker-entrypoint.sh',
    env: [
      ...historyConfEnv().map((v) =>
        // A URL with its port, which no `peer.part` names: its value, and a peer below.
        v.name === 'DEVICE_MANAGER_URL' ? { ...v, source: `${CONF}, history/api/models.py (get_attrs)`, value: deviceManager } : v,
      ),
      PYTHON_EGG_CACHE,
    ],
    peers: [{ to: 'deviceManager', service: 'api', port: 'http', source: `${CONF} (DEVICE_MANAGER_URL), history/api/models.py` }],
  };
}
