import { serviceUrl } from '../../lib/contract';
import { safe, type StartContract, type StartVariable } from '../../lib/start-contract';
import type { Profile } from '../../profile/types';
import { DOJOT_MODULE_CONFIG, dojotModuleEnv, kafkaPeer } from '../auth/start-contract';
import { authContract } from '../auth/contract';
import { dataBrokerContract } from '../data-broker/contract';
import { PYTHON_EGG_CACHE, historyConfEnv } from '../history/start-contract';

const PERSISTER = 'history/subscriber/persister.py';

/**
 * dojot/persister v0.6.0, built from dojot/history v0.6.0. `docker/persister.docker`:
 * python:3.6-alpine, ENTRYPOINT tini, CMD `sh ./docker/falcon-docker-persister-entrypoint.sh
 * start`, which execs `python history/subscriber/persister.py` (its PERSISTER_PORT default is a
 * shell variable it never exports). `main()`: dojot.module `Config()` with no overrides, the
 * MongoDB client (`history/conf.py`, no credentials), the tenants from auth
 * (`Auth.get_tenants`: AUTH_URL `/admin/tenants`, three tries 5 s apart; None then fails the
 * loop over them), indexes per tenant, then a Messenger (topics from DATA_BROKER_URL, Kafka from
 * KAFKA_HOSTS) on the devices, device-data, tenancy and `dojot.notifications` subjects, and last
 * the log server on PERSISTER_PORT. Where `history/conf.py` and dojot.module read one variable,
 * dojot.module's use is the one that counts.
 */
export function persisterStart(p: Profile): StartContract {
  const module = dojotModuleEnv(p, [
    // URLs with their ports (the chart's, from the contracts), which no `peer.part` names: their values, and peers below.
    {
      name: 'DATA_BROKER_URL',
      source: DOJOT_MODULE_CONFIG,
      default: safe('http://data-broker'),
      value: serviceUrl(dataBrokerContract(p).services.api, 'http'),
    },
    {
      name: 'AUTH_URL',
      source: DOJOT_MODULE_CONFIG,
      default: safe('http://auth:5000'),
      value: serviceUrl(authContract(p).services.api, 'http'),
    },
  ]);
  const both = (v: StartVariable): StartVariable => {
    const m = module.find((x) => x.name === v.name);
    return m ? { ...m, source: `${m.source}; ${v.source}` } : v;
  };
  const conf = historyConfEnv().map(both);
  return {
    runs: 'sh ./docker/falcon-docker-persister-entrypoint.sh start: exec python history/subscriber/persister.py',
    source: 'docker/persister.docker (ENTRYPOINT, CMD), docker/falcon-docker-persister-entrypoint.sh',
    env: [
      ...conf,
      ...module.filter((m) => !conf.some((v) => v.name === m.name)),
      // The log server's port (the probes'); unset, the number 8057: a value set is a string, on which its bind fails.
      { name: 'PERSISTER_PORT', source: `${PERSISTER} (main: simple_server.make_server)`, default: safe('8057') },
      PYTHON_EGG_CACHE,
    ],
    peers: [
      kafkaPeer(`${DOJOT_MODULE_CONFIG} (KAFKA_HOSTS)`),
      { to: 'auth', service: 'api', port: 'http', source: `${DOJOT_MODULE_CONFIG} (AUTH_URL), dojot.module auth.py get_tenants` },
      {
        to: 'dataBroker',
        service: 'api',
        port: 'http',
        source: `${DOJOT_MODULE_CONFIG} (DATA_BROKER_URL), dojot.module kafka/topic_manager.py get_topic`,
      },
    ],
  };
}
