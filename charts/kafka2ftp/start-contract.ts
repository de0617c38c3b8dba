import { hostPort } from '../../lib/contract';
import { safe, unsafe, type StartContract } from '../../lib/start-contract';
import type { Profile } from '../../profile/types';
import { kafkaContract } from '../kafka/contract';

const CONFIG = 'connector/kafka2ftp/app/Config.js';

/**
 * dojot/dojot v0.6.0, `connector/kafka2ftp`. `Dockerfile`: FROM node:12.18-alpine, CMD `npm run
 * kafka2ftp` (`package.json`: `node app/Index.js`). `app/Index.js` reads `app/Config.js`, where
 * every variable is read, and `app/Service.js` starts a Kafka consumer of `<FTP_TENANT>.dojot.ftp`
 * (@dojot/microservice-sdk 0.1.9, package-lock.json, which reads no variable of its own here)
 * and `MAX_CONCURRENT_CONNECTIONS` FTP connections (`app/ftp/FTPClientPool.js`,
 * `app/ftp/FTPClient.js`, basic-ftp, `RETRIES` tries each). A failed FTP connection is logged, not
 * awaited: the process stays up. It reads no file and serves no port; its probe greps its own
 * process (sh and grep: busybox of the Alpine base).
 */
export const kafka2ftpStart = (p: Profile): StartContract => ({
  runs: 'npm run kafka2ftp: node app/Index.js',
  source: 'connector/kafka2ftp/Dockerfile (CMD), package.json (scripts.kafka2ftp)',
  env: [
    // host:port: held to the contract's, its connection by `peers`.
    { name: 'KAFKA_HOSTS', source: CONFIG, default: unsafe('kafka:9092'), value: hostPort(kafkaContract(p).services.broker, 'kafka') },
    { name: 'KAFKA_GROUP_ID', source: CONFIG, default: safe('kafka2ftp') },
    { name: 'LOG_CONSOLE_LEVEL', source: CONFIG, default: safe('info') },
    { name: 'LOG_VERBOSE', source: CONFIG, default: safe('false') },
    { name: 'FTP_TENANT', source: CONFIG, default: safe('admin') },
    // The platform has no FTP server: v0.6.0 set this placeholder too; an FTP server of one's own replaces it.
    { name: 'FTP_HOST', source: CONFIG, default: unsafe('localhost (nothing listens there)') },
    { name: 'FTP_PORT', source: CONFIG, default: safe('21') },
    { name: 'FTP_FTPS', source: CONFIG, default: safe('false') },
    // Anonymous FTP (anonymous / guest), v0.6.0's, without kafka2ftp-secret; an account of one's
    // own comes from that Secret, made by hand and optional.
    { name: 'FTP_USER', source: CONFIG, default: safe('anonymous'), credential: 'optional' },
    { name: 'FTP_PASSWORD', source: CONFIG, default: safe('guest'), credential: 'optional' },
    { name: 'FTP_REMOTE_DIR', source: CONFIG, default: safe('/') },
    { name: 'MAX_CONCURRENT_CONNECTIONS', source: CONFIG, default: safe('10') },
    { name: 'RETRIES', source: `${CONFIG}, app/ftp/FTPClient.js`, default: safe('13') },
  ],
  peers: [{ to: 'kafka', service: 'broker', port: 'kafka', source: `${CONFIG} (KAFKA_HOSTS), app/KafkaFTPConsumers.js` }],
  probeBinaries: [{ binary: 'grep', source: 'node:12.18-alpine: the Alpine base (busybox)' }],
});
