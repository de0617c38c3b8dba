import { hostPort, serviceUrl } from '../../lib/contract';
import { safe, unsafe, type StartContract } from '../../lib/start-contract';
import type { Profile } from '../../profile/types';
import { authContract } from '../auth/contract';
import { dataBrokerContract } from '../data-broker/contract';
import { deviceManagerContract } from '../device-manager/contract';
import { imageManagerContract } from '../image-manager/contract';
import { kafkaContract } from '../kafka/contract';

const CONFIG = 'src/main/java/org/cpqd/iotagent/Config.java';
/** dojot-module-java 1.1.0 (a dependency in pom.xml), its one configuration class. */
const MODULE = 'dojot-module-java 1.1.0 src/main/java/com/cpqd/app/config/Config.java';

/**
 * dojot/iotagent-leshan v0.6.0: branch release/v0.6.0 (= tag v0.6.0-rc.1, af201ff; the repository
 * has no v0.6.0 tag). `Dockerfile`: ENTRYPOINT tini, CMD `java -jar
 * target/iotagent-leshan-1.1.0-jar-with-dependencies.jar` (main class `LwM2MIoTAgent`, pom.xml).
 * `LwM2MIoTAgent.java` reads `Config.java` (the firmware file servers), `fileServerCoAP.properties`
 * (shipped: the CoAP file server's ports) and dojot-module-java 1.1.0's `Config.java` (the dojot
 * services: `auth/Auth.java`, `kafka/Consumer.java`, `kafka/Producer.java`,
 * `kafka/TopicManager.java`, `messenger/Messenger.java`; iotagent-java 1.1.0
 * `br/com/dojot/utils/Services.java` reads the same class and no variable of its own). It asks
 * device-manager for its devices (`LwM2MAgent.bootstrap`), then opens the HTTP file server on
 * FILE_SERVER_HTTP_PORT and the CoAP file server. KAFKA_HOSTS, KAFKA_GROUP_ID and
 * DOJOT_MANAGEMENT_USER, which v0.6.0's template sets, are read by nothing in these sources.
 */
export const iotagentLwm2mStart = (p: Profile): StartContract => {
  const lwm2m = p.iotagentLwm2m;
  return {
    runs: 'java -jar target/iotagent-leshan-1.1.0-jar-with-dependencies.jar (under tini)',
    source: 'Dockerfile (ENTRYPOINT, CMD), pom.xml (mainClass org.cpqd.iotagent.LwM2MIoTAgent)',
    env: [
      // The host devices download firmware from: written into the URLs it gives them (ImageDownloader.java).
      { name: 'FILE_SERVER_ADDRESS', source: CONFIG, default: unsafe('127.0.0.1'), value: lwm2m.fileServerAddress },
      { name: 'FILE_SERVER_DATA_PATH', source: CONFIG, default: safe('./data (the image makes /usr/src/app/data)') },
      // Also the port its HTTP file server listens on (SimpleFileServerHttp.java), the container port
      // `file-http` the Service targets by name (which the types' `listens` cannot follow).
      {
        name: 'FILE_SERVER_HTTP_PORT',
        source: CONFIG,
        default: { value: '5896', safe: lwm2m.fileServerHttpPort === 5896 },
        value: String(lwm2m.fileServerHttpPort),
      },
      // Only in an https:// URL the agent refuses to give ("HTTPS is not supported yet", ImageDownloader.java).
      { name: 'FILE_SERVER_HTTPS_PORT', source: CONFIG, default: safe('5897') },
      { name: 'KAFKA_ADDRESS', source: MODULE, default: unsafe('kafka:9092'), value: hostPort(kafkaContract(p).services.broker, 'kafka') },
      { name: 'KAFKA_CONSUMER_POLL_TIME', source: MODULE, default: safe('100') },
      // URLs with the port, and image-manager's host:port (LwM2MIoTAgent.java adds http://): the
      // types' `peer` has no such part, hence `value` and `peers`.
      {
        name: 'DEVM_ADDRESS',
        source: MODULE,
        default: safe('http://device-manager:5000'),
        value: serviceUrl(deviceManagerContract(p).services.api, 'http'),
      },
      {
        name: 'IMGM_ADDRESS',
        source: `${MODULE}; LwM2MIoTAgent.java`,
        default: safe('image-manager:5000'),
        value: hostPort(imageManagerContract(p).services.api, 'http'),
      },
      { name: 'AUTH_ADDRESS', source: MODULE, default: safe('http://auth:5000'), value: serviceUrl(authContract(p).services.api, 'http') },
      {
        name: 'DATA_BROKER_ADDRESS',
        source: MODULE,
        default: safe('http://data-broker:80'),
        value: serviceUrl(dataBrokerContract(p).services.api, 'http'),
      },
    ],
    peers: [
      {
        to: 'kafka',
        service: 'broker',
        port: 'kafka',
        source: `KAFKA_ADDRESS (dojot-module-java kafka/Consumer.java, kafka/Producer.java)`,
      },
      { to: 'deviceManager', service: 'api', port: 'http', source: 'DEVM_ADDRESS (dojot-module-java messenger/Messenger.java)' },
      { to: 'imageManager', service: 'api', port: 'http', source: 'IMGM_ADDRESS (ImageDownloader.java)' },
      { to: 'auth', service: 'api', port: 'http', source: 'AUTH_ADDRESS (dojot-module-java auth/Auth.java getTenants)' },
      { to: 'dataBroker', service: 'api', port: 'http', source: 'DATA_BROKER_ADDRESS (dojot-module-java kafka/TopicManager.java)' },
    ],
  };
};
