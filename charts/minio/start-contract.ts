import type { StartContract } from '../../lib/start-contract';

const MAIN = 'cmd/common-main.go (handleCommonEnvVars)';

/**
 * dojot/minio:2019.09.20, dojot's copy of minio/minio of that day: RELEASE.2019-09-18T21-55-05Z
 * (the next is 2019-09-25). `Dockerfile.release`: alpine 3.9, ENV MINIO_UPDATE off,
 * MINIO_ACCESS_KEY_FILE access_key, MINIO_SECRET_KEY_FILE secret_key, ENTRYPOINT
 * /usr/bin/docker-entrypoint.sh, CMD minio. `dockerscripts/docker-entrypoint.sh`: takes the keys
 * from /run/secrets/<file> when both files exist (none here), su-exec only with MINIO_USERNAME and
 * MINIO_GROUPNAME, then execs `minio server /data` (the chart's args; `--address :<port>` for a
 * port not 9000, cmd/server-main.go's default). Without both keys MinIO makes random ones
 * (cmd/config-current.go, newServerConfig), which image-manager could not know.
 */
export const minioStart: StartContract = {
  runs: 'docker-entrypoint.sh minio server [--address :<port>] /data',
  source: 'minio/minio RELEASE.2019-09-18T21-55-05Z Dockerfile.release (ENTRYPOINT, CMD), dockerscripts/docker-entrypoint.sh',
  env: [
    // Shared with image-manager through minio-secret.
    { name: 'MINIO_ACCESS_KEY', source: `${MAIN}, dockerscripts/docker-entrypoint.sh (docker_secrets_env)`, credential: true },
    { name: 'MINIO_SECRET_KEY', source: `${MAIN}, dockerscripts/docker-entrypoint.sh (docker_secrets_env)`, credential: true },
    { name: 'MINIO_UPDATE', source: `${MAIN}, Dockerfile.release (ENV)`, default: { value: 'off', safe: true } },
    { name: 'MINIO_USERNAME', source: 'dockerscripts/docker-entrypoint.sh (docker_switch_user)', default: { value: '', safe: true } },
    { name: 'MINIO_BROWSER', source: MAIN, default: { value: 'on', safe: true } },
    { name: 'MINIO_REGION', source: 'cmd/server-main.go (serverHandleEnvVars)', default: { value: 'us-east-1', safe: true } },
  ],
};
