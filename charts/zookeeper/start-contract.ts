import { safe, type StartContract, type StartPeer, type StartVariable } from '../../lib/start-contract';
import type { Profile } from '../../profile/types';

const CONFIGURE = 'zookeeper/include/etc/confluent/docker/configure';
const TEMPLATE = 'zookeeper/include/etc/confluent/docker/zookeeper.properties.template';
const LAUNCH = 'zookeeper/include/etc/confluent/docker/launch';

/**
 * confluentinc/cp-zookeeper:5.5.0: confluentinc/kafka-images v5.5.0, `zookeeper/Dockerfile.deb8`
 * (FROM cp-base-new, common-docker v5.5.0 `base/Dockerfile.deb8`: debian:jessie with netcat, Zulu
 * 8, Python and confluent-docker-utils' dub and cub), CMD /etc/confluent/docker/run. `run` sources
 * `bash-config` (nounset, errexit), then runs `configure`: `dub ensure ZOOKEEPER_CLIENT_PORT`,
 * /etc/kafka writable, with ZOOKEEPER_SERVERS also `dub ensure ZOOKEEPER_SERVER_ID` (and
 * initLimit 10, syncLimit 5 when unset) and the myid file, then renders
 * `zookeeper.properties.template` (each listed ZOOKEEPER_* variable that is set becomes its
 * property; ZOOKEEPER_SERVERS becomes server.1..n) and the log4j templates; `ensure` checks
 * /var/lib/zookeeper/{data,log} writable; `launch` execs zookeeper-server-start
 * /etc/kafka/zookeeper.properties (Apache Kafka's bin/zookeeper-server-start.sh: KAFKA_HEAP_OPTS,
 * by default -Xmx512M -Xms512M). The chart's ZOOKEEPER_REPLICAS, _ELECTION_PORT, _SERVER_PORT,
 * _HEAP_SIZE, _LOG_LEVEL, _PURGE_INTERVAL and _SNAP_RETAIN_COUNT are read by none of these files.
 *
 * An ensemble's ZOOKEEPER_SERVER_ID is exported by the chart's command from the pod's ordinal,
 * not its env, so it is not listed here.
 */
export function zookeeperStart(p: Profile): StartContract {
  const zk = p.zookeeper;
  const ensemble = zk.clusterSize > 1;
  const ensembleEnv: StartVariable[] = ensemble
    ? [
        { name: 'ZOOKEEPER_SERVERS', source: `${CONFIGURE}, ${TEMPLATE} (server.<n>)` },
        // Without it each server binds its quorum and election ports to the address its own name in
        // ZOOKEEPER_SERVERS resolves to as it starts (through the headless Service); the chart sets it.
        {
          name: 'ZOOKEEPER_QUORUM_LISTEN_ON_ALL_IPS',
          source: `${TEMPLATE} (quorumListenOnAllIPs)`,
          default: { value: 'false', safe: false },
          value: 'true',
        },
      ]
    : [];
  // The ensemble's servers reach each other at their names in ZOOKEEPER_SERVERS.
  const peers: StartPeer[] = ensemble
    ? [
        { to: 'zookeeper', service: 'cluster', port: 'server', source: `${TEMPLATE} (server.<n>: the quorum port)` },
        { to: 'zookeeper', service: 'cluster', port: 'election', source: `${TEMPLATE} (server.<n>: the election port)` },
      ]
    : [];
  return {
    runs: '/etc/confluent/docker/run: configure, ensure, launch (zookeeper-server-start /etc/kafka/zookeeper.properties)',
    source: 'confluentinc/kafka-images v5.5.0 zookeeper/Dockerfile.deb8 (CMD), zookeeper/include/etc/confluent/docker/run',
    env: [
      // Required. The Service `zookeeper-client` would otherwise give it a service link's value, tcp://<ip>:<port>.
      // The Services target the container port by name (`client`), the port set here.
      { name: 'ZOOKEEPER_CLIENT_PORT', source: `${CONFIGURE} (dub ensure), ${TEMPLATE} (clientPort)`, value: String(zk.clientPort) },
      ...ensembleEnv,
      { name: 'ZOOKEEPER_TICK_TIME', source: `${TEMPLATE} (tickTime)`, default: safe('3000 (ZooKeeper)') },
      {
        name: 'ZOOKEEPER_INIT_LIMIT',
        source: `${CONFIGURE}, ${TEMPLATE} (initLimit)`,
        default: safe(ensemble ? '10' : 'unused standalone'),
      },
      {
        name: 'ZOOKEEPER_SYNC_LIMIT',
        source: `${CONFIGURE}, ${TEMPLATE} (syncLimit)`,
        default: safe(ensemble ? '5' : 'unused standalone'),
      },
      { name: 'ZOOKEEPER_MAX_CLIENT_CNXNS', source: `${TEMPLATE} (maxClientCnxns)`, default: safe('60 (ZooKeeper)') },
      { name: 'ZOOKEEPER_MIN_SESSION_TIMEOUT', source: `${TEMPLATE} (minSessionTimeout)`, default: safe('2 ticks') },
      { name: 'ZOOKEEPER_MAX_SESSION_TIMEOUT', source: `${TEMPLATE} (maxSessionTimeout)`, default: safe('20 ticks') },
      {
        name: 'ZOOKEEPER_LOG4J_ROOT_LOGLEVEL',
        source: 'zookeeper/include/etc/confluent/docker/log4j.properties.template',
        default: safe('INFO'),
      },
      // ZOOKEEPER_HEAP_SIZE is not read: the heap is this default.
      { name: 'KAFKA_HEAP_OPTS', source: 'apache/kafka bin/zookeeper-server-start.sh', default: safe('-Xmx512M -Xms512M') },
      { name: 'KAFKA_JMX_PORT', source: LAUNCH, default: safe('none: no remote JMX') },
    ],
    peers,
    probeBinaries: [
      { binary: 'echo', source: 'debian:jessie coreutils (/bin/echo; a builtin of sh too)' },
      { binary: 'nc', source: 'common-docker v5.5.0 base/Dockerfile.deb8 (apt-get install netcat)' },
    ],
  };
}
