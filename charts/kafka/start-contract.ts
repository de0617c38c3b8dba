import { hostPort } from '../../lib/contract';
import { safe, type StartContract, type StartVariable } from '../../lib/start-contract';
import type { Profile } from '../../profile/types';
import { zookeeperContract } from '../zookeeper/contract';
import { replicationFor } from './kafka-chart';

const CONFIGURE = 'kafka/include/etc/confluent/docker/configure';
const ENSURE = 'kafka/include/etc/confluent/docker/ensure';
const TEMPLATE = 'kafka/include/etc/confluent/docker/kafka.properties.template (env_to_props KAFKA_)';

/**
 * confluentinc/cp-kafka:5.5.0: confluentinc/kafka-images v5.5.0, `kafka/Dockerfile.deb8` (FROM
 * cp-base-new, common-docker v5.5.0 `base/Dockerfile.deb8`; confluent-kafka-2.12 puts the Kafka
 * tools in /usr/bin without `.sh`), CMD /etc/confluent/docker/run. `run` sources `bash-config`
 * (nounset, errexit), then `configure`: `dub ensure KAFKA_ZOOKEEPER_CONNECT` and
 * KAFKA_ADVERTISED_LISTENERS, KAFKA_LISTENERS from `cub listeners` when unset, KAFKA_LOG_DIRS
 * /var/lib/kafka/data when unset, exit 1 when any of KAFKA_ADVERTISED_PORT, _ADVERTISED_HOST,
 * _HOST or _PORT is set (so no Service may be named `kafka`: its service link would be KAFKA_PORT),
 * then renders kafka.properties from every KAFKA_* variable but a few (`env_to_props`; the service
 * links of kafka-ws and kafka-ws-redis become unknown properties such as ws.port, which Kafka
 * ignores). `ensure`: the data directory writable, then `cub zk-ready $KAFKA_ZOOKEEPER_CONNECT
 * ${KAFKA_CUB_ZK_TIMEOUT:-40}`, which exits when Zookeeper does not answer in time. `launch`
 * execs kafka-server-start /etc/kafka/kafka.properties (Apache Kafka's bin/kafka-server-start.sh:
 * KAFKA_HEAP_OPTS, by default -Xmx1G -Xms1G). Kafka's own defaults (core KafkaConfig.scala): the offsets and
 * transaction state topics want 3 replicas and 2 in sync, which fewer brokers cannot give.
 *
 * With more than one broker, KAFKA_BROKER_ID and KAFKA_ADVERTISED_LISTENERS are exported by the
 * chart's command from the pod's name, not its env, so they are not listed then.
 */
export function kafkaStart(p: Profile): StartContract {
  const brokers = p.kafka.clusterSize;
  const scaled = brokers > 1;
  const replication = replicationFor(brokers);
  const zookeeper = zookeeperContract(p).services.client;
  const single: StartVariable[] = scaled
    ? []
    : [
        { name: 'KAFKA_BROKER_ID', source: TEMPLATE, default: safe('generated from 1001 (broker.id.generation.enable)'), value: '1' },
        // Required. No host: Kafka advertises the pod's canonical name (kafka-server-0.kafka-server...), which its Service resolves.
        // The Service targets the container port by name (`server`), the port here.
        { name: 'KAFKA_ADVERTISED_LISTENERS', source: `${CONFIGURE} (dub ensure), ${TEMPLATE}`, value: `PLAINTEXT://:${p.kafka.port}` },
      ];
  return {
    runs: '/etc/confluent/docker/run: configure, ensure, launch (kafka-server-start /etc/kafka/kafka.properties)',
    source: 'confluentinc/kafka-images v5.5.0 kafka/Dockerfile.deb8 (CMD), kafka/include/etc/confluent/docker/run',
    env: [
      // host:port, which a peer's parts cannot say: its value, and the peer below.
      {
        name: 'KAFKA_ZOOKEEPER_CONNECT',
        source: `${CONFIGURE} (dub ensure), ${ENSURE} (cub zk-ready)`,
        value: hostPort(zookeeper, 'client'),
      },
      ...single,
      { name: 'KAFKA_LISTENERS', source: `${CONFIGURE} (cub listeners)`, default: safe(`PLAINTEXT://0.0.0.0:${p.kafka.port}`) },
      { name: 'KAFKA_LOG_DIRS', source: CONFIGURE, default: safe('/var/lib/kafka/data') },
      { name: 'KAFKA_DATA_DIRS', source: ENSURE, default: safe('/var/lib/kafka/data') },
      { name: 'KAFKA_CUB_ZK_TIMEOUT', source: ENSURE, default: safe('40') },
      {
        name: 'KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR',
        source: `${TEMPLATE}, apache/kafka KafkaConfig.scala offsets.topic.replication.factor`,
        default: { value: '3', safe: brokers >= 3 },
        value: String(replication.factor),
      },
      {
        name: 'KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR',
        source: `${TEMPLATE}, apache/kafka KafkaConfig.scala transaction.state.log.replication.factor`,
        default: { value: '3', safe: brokers >= 3 },
        value: String(replication.factor),
      },
      {
        name: 'KAFKA_TRANSACTION_STATE_LOG_MIN_ISR',
        source: `${TEMPLATE}, apache/kafka KafkaConfig.scala transaction.state.log.min.isr`,
        default: { value: '2', safe: brokers >= 3 },
        value: String(replication.minIsr),
      },
      {
        name: 'KAFKA_DEFAULT_REPLICATION_FACTOR',
        source: `${TEMPLATE}, apache/kafka KafkaConfig.scala default.replication.factor`,
        default: safe('1'),
      },
      { name: 'KAFKA_MIN_INSYNC_REPLICAS', source: `${TEMPLATE}, apache/kafka KafkaConfig.scala min.insync.replicas`, default: safe('1') },
      { name: 'KAFKA_HEAP_OPTS', source: 'apache/kafka bin/kafka-server-start.sh', default: safe('-Xmx1G -Xms1G') },
      { name: 'KAFKA_JMX_PORT', source: 'kafka/include/etc/confluent/docker/launch', default: safe('none: no remote JMX') },
    ],
    peers: [
      {
        to: 'zookeeper',
        service: 'client',
        port: 'client',
        source: `KAFKA_ZOOKEEPER_CONNECT (${ENSURE}, kafka.properties zookeeper.connect)`,
      },
      // The controller and the replicas reach each broker at its advertised address.
      { to: 'kafka', service: 'broker', port: 'kafka', source: `KAFKA_ADVERTISED_LISTENERS (${TEMPLATE}, advertised.listeners)` },
    ],
    probeBinaries: [
      {
        binary: '/usr/bin/kafka-broker-api-versions',
        source: 'kafka/Dockerfile.deb8 (confluent-kafka-2.12: the tools in /usr/bin, as launch runs kafka-server-start)',
      },
    ],
  };
}
