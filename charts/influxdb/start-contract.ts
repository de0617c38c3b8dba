import { safe, type StartContract } from '../../lib/start-contract';
import { SETUP_ENV } from './setup-script';

const LAUNCHER = 'cmd/influxd/launcher/launcher.go (launcherOpts), kit/cli/viper.go (env prefix INFLUXD_)';

/**
 * quay.io/influxdb/influxdb:v2.0.2: influxdata/influxdb v2.0.2, `.goreleaser.yml` (dockers:
 * `docker/influxd/Dockerfile`), `docker/influxd/Dockerfile` (debian:stable-slim, /usr/bin/influx
 * and influxd, ENTRYPOINT /entrypoint.sh, CMD influxd), `docker/influxd/entrypoint.sh` (a first
 * argument starting with `-` goes to influxd; then `exec "$@"`). influxd takes each option from
 * its flag, else INFLUXD_<OPTION> (kit/cli/viper.go: SetEnvPrefix, AutomaticEnv, `-` as `_`), else
 * a config file (INFLUXD_CONFIG_PATH, else ./config.*: none), else launcherOpts' default; its
 * directory is ~/.influxdbv2 of the current user (internal/fs/influx_dir.go), /root/.influxdbv2
 * as root, where the chart mounts the volume. The Service targets the container port `api`, 8086,
 * influxd's default address. The Service link INFLUXDB_* of the Service `influxdb` is not its prefix.
 */
export const influxdbStart: StartContract = {
  runs: '/entrypoint.sh influxd',
  source: 'influxdata/influxdb v2.0.2 docker/influxd/Dockerfile (ENTRYPOINT, CMD), docker/influxd/entrypoint.sh',
  env: [
    { name: 'INFLUXD_HTTP_BIND_ADDRESS', source: `${LAUNCHER} (http-bind-address)`, default: safe(':8086') },
    { name: 'INFLUXD_BOLT_PATH', source: `${LAUNCHER} (bolt-path)`, default: safe('/root/.influxdbv2/influxd.bolt') },
    { name: 'INFLUXD_ENGINE_PATH', source: `${LAUNCHER} (engine-path)`, default: safe('/root/.influxdbv2/engine') },
    { name: 'INFLUXD_CONFIG_PATH', source: 'kit/cli/viper.go (NewCommand)', default: safe('./config.{json,toml,yaml,yml}: none') },
    // On by default: influxd reports usage to InfluxData every 8 hours (launcher.go, telemetry.NewReporter), outside the namespace.
    { name: 'INFLUXD_REPORTING_DISABLED', source: `${LAUNCHER} (reporting-disabled)`, default: safe('false') },
    { name: 'INFLUXD_LOG_LEVEL', source: `${LAUNCHER} (log-level)`, default: safe('info') },
  ],
};

/**
 * The setup Job, the same image: its command replaces the entrypoint with bash and our script
 * (./setup-script.ts), which waits for /ping, asks GET /api/v2/setup and then runs `influx setup
 * --force --host http://influxdb:<port> ...` (cmd/influx/setup.go; each of its flags is also
 * INFLUX_<FLAG>, cmd/influx/main.go, and none of those is set). It reaches InfluxDB at the
 * address the script fixes; influx writes its configs under /root/.influxdbv2.
 */
export const influxdbSetupStart: StartContract = {
  runs: 'bash -c <setup script>: wait for /ping, GET /api/v2/setup, influx setup',
  source: 'charts/influxdb/setup-script.ts; influxdata/influxdb v2.0.2 cmd/influx/setup.go, cmd/influx/main.go',
  env: [
    { name: SETUP_ENV.user, source: 'charts/influxdb/setup-script.ts (influx setup --username)', credential: true },
    { name: SETUP_ENV.password, source: 'charts/influxdb/setup-script.ts (influx setup --password)', credential: true },
    // The API token influxdb-storer and influxdb-retriever are given.
    { name: SETUP_ENV.token, source: 'charts/influxdb/setup-script.ts (influx setup --token)', credential: true },
  ],
  peers: [{ to: 'influxdb', service: 'api', port: 'http', source: 'charts/influxdb/setup-script.ts (host, port; influx setup --host)' }],
};
