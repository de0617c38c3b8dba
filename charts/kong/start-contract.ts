import type { StartContract, StartFile, StartVariable } from '../../lib/start-contract';
import type { Problem } from '../../profile/problems';
import type { Profile } from '../../profile/types';
import { POSTGRES_DEFAULT_PORT } from '../postgres/start-contract';

/** dojot/kong v0.6.0's kong.conf: the listeners it gives Kong. */
const KONG_CONF = { http: 8000, https: 8443, admin: 8001, adminSsl: 8444 } as const;
const proxyListen = (http: number, https: number) => `0.0.0.0:${http}, 0.0.0.0:${https} ssl`;
const adminListen = (admin: number) => `0.0.0.0:${admin}, 0.0.0.0:${KONG_CONF.adminSsl} ssl`;

/** The variables that move Kong off kong.conf's listeners, for a profile's ports that are not those: none by default. */
export function kongListenOverrides(gw: Profile['apigw']): { name: string; value: string }[] {
  return [
    ...(gw.httpPort === KONG_CONF.http && gw.httpsPort === KONG_CONF.https
      ? []
      : [{ name: 'KONG_PROXY_LISTEN', value: proxyListen(gw.httpPort, gw.httpsPort) }]),
    ...(gw.adminPort === KONG_CONF.admin ? [] : [{ name: 'KONG_ADMIN_LISTEN', value: adminListen(gw.adminPort) }]),
  ];
}

/** KONG_PG_PORT, for a PostgreSQL port that is not Kong's default: none by default. */
export const kongPgPortOverride = (port: number): { name: string; value: string }[] =>
  port === POSTGRES_DEFAULT_PORT ? [] : [{ name: 'KONG_PG_PORT', value: String(port) }];

const CONF = 'kong/conf_loader/init.lua (KONG_<key> over /etc/kong/kong.conf over kong/templates/kong_defaults.lua)';
const ENTRYPOINT = 'alpine/docker-entrypoint.sh';

/** What `kong` reads of the database, the same for the gateway and its migrations. */
function database(p: Profile): StartVariable[] {
  return [
    {
      name: 'KONG_DATABASE',
      source: `${CONF}, kong_defaults.lua (database)`,
      default: { value: 'postgres', safe: true },
      value: 'postgres',
    },
    {
      name: 'KONG_PG_HOST',
      source: `${CONF}, kong_defaults.lua (pg_host)`,
      default: { value: '127.0.0.1', safe: false },
      peer: { to: 'postgres', service: 'db', port: 'sql', part: 'host' },
    },
    {
      name: 'KONG_PG_PORT',
      source: `${CONF}, kong_defaults.lua (pg_port)`,
      default: { value: String(POSTGRES_DEFAULT_PORT), safe: p.postgres.port === POSTGRES_DEFAULT_PORT },
      peer: { to: 'postgres', service: 'db', port: 'sql', part: 'port' },
    },
    // Kong's defaults are kong, none and kong; ours come from kong-secret, with which postgres' init script makes the user
    // (its database's name too, not a secret, but read from kong-secret's `db` as the chart does).
    { name: 'KONG_PG_USER', source: `${CONF}, ${ENTRYPOINT} (file_env)`, default: { value: 'kong', safe: false }, credential: true },
    { name: 'KONG_PG_PASSWORD', source: `${CONF}, ${ENTRYPOINT} (file_env)`, credential: true },
    { name: 'KONG_PG_DATABASE', source: `${CONF}, ${ENTRYPOINT} (file_env)`, default: { value: 'kong', safe: false }, credential: true },
  ];
}

const KONG_SOURCE =
  'dojot/kong v0.6.0 Dockerfile (FROM kong:2.2-alpine, kong.conf, luarocks make pepkong); Kong/docker-kong 2.2.1 alpine/Dockerfile (ENTRYPOINT, CMD), alpine/docker-entrypoint.sh';

/**
 * The gateway: dojot/kong v0.6.0 (`Dockerfile`: FROM kong:2.2-alpine, its `kong.conf` as
 * /etc/kong/kong.conf: proxy_listen 0.0.0.0:8000 and 8443 ssl, admin_listen 0.0.0.0:8001 and 8444
 * ssl, plugins bundled and pepkong). kong:2.2-alpine when v0.6.0 was tagged (2021-01-14) was
 * Kong/docker-kong 2.2.1: `alpine/Dockerfile` (USER kong, ENTRYPOINT /docker-entrypoint.sh, CMD
 * kong docker-start), `alpine/docker-entrypoint.sh` (KONG_NGINX_DAEMON=off; KONG_PREFIX, default
 * /usr/local/kong; `kong prepare -p $PREFIX`, then nginx in the foreground). Kong 2.2.1
 * (Kong/kong 2.2.1 `kong/conf_loader/init.lua`) reads KONG_<KEY> for each key of
 * `kong/templates/kong_defaults.lua` over /etc/kong/kong.conf. pepkong reaches auth's PDP only
 * on a request, at the URL of its plugin's configuration (the routes' Job). The Service links of
 * `kong` and `kong-external` (KONG_PORT, KONG_SERVICE_HOST...) name no configuration key.
 */
export function kongStart(p: Profile): StartContract {
  const gw = p.apigw;
  const mutualTls: StartVariable[] = gw.mutualTls
    ? [
        { name: 'KONG_SSL_CERT', source: CONF, value: '/certs/kong.crt' },
        { name: 'KONG_SSL_CERT_KEY', source: CONF, value: '/certs/kong.key' },
        { name: 'KONG_NGINX_PROXY_PROXY_SSL_CERTIFICATE', source: `${CONF} (nginx_proxy_* directives)`, value: '/certs/kong-internal.crt' },
        {
          name: 'KONG_NGINX_PROXY_PROXY_SSL_CERTIFICATE_KEY',
          source: `${CONF} (nginx_proxy_* directives)`,
          value: '/certs/kong-internal.key',
        },
        { name: 'KONG_NGINX_PROXY_PROXY_SSL_TRUSTED_CERTIFICATE', source: `${CONF} (nginx_proxy_* directives)`, value: '/certs/ca.crt' },
      ]
    : [];
  const certificates: StartFile[] = gw.mutualTls
    ? ['kong.crt', 'kong.key', 'kong-internal.crt', 'kong-internal.key', 'ca.crt'].map((f) => ({
        path: `/certs/${f}`,
        source: 'KONG_SSL_CERT* and KONG_NGINX_PROXY_PROXY_SSL_* (kong prepare, nginx)',
      }))
    : [];
  return {
    runs: '/docker-entrypoint.sh kong docker-start: kong prepare, then nginx',
    source: KONG_SOURCE,
    env: [
      ...database(p),
      // kong.conf's listeners, unless the profile moves a port (kongPortOverrides).
      {
        name: 'KONG_PROXY_LISTEN',
        source: `${CONF}, dojot/kong kong.conf (proxy_listen)`,
        default: {
          value: proxyListen(KONG_CONF.http, KONG_CONF.https),
          safe: gw.httpPort === KONG_CONF.http && gw.httpsPort === KONG_CONF.https,
        },
        value: proxyListen(gw.httpPort, gw.httpsPort),
      },
      {
        name: 'KONG_ADMIN_LISTEN',
        source: `${CONF}, dojot/kong kong.conf (admin_listen)`,
        default: { value: adminListen(KONG_CONF.admin), safe: gw.adminPort === KONG_CONF.admin },
        value: adminListen(gw.adminPort),
      },
      { name: 'KONG_PLUGINS', source: `${CONF}, dojot/kong kong.conf (plugins)`, default: { value: 'bundled, pepkong', safe: true } },
      // The Deployment mounts an emptyDir there (the read-only root).
      { name: 'KONG_PREFIX', source: ENTRYPOINT, default: { value: '/usr/local/kong', safe: true } },
      ...mutualTls,
    ],
    files: certificates,
  };
}

/**
 * The migrations' Jobs: `args` keep the image's entrypoint (alpine/docker-entrypoint.sh: the
 * database variables' `_FILE` forms, then `exec "$@"`), which runs `kong migrations bootstrap`, or
 * a shell with `kong migrations up && kong migrations finish` (kong/cmd/migrations.lua), on the
 * same configuration as the gateway.
 */
export const kongMigrationsStart = (p: Profile, runs: string): StartContract => ({
  runs,
  source: KONG_SOURCE,
  env: database(p),
});

/**
 * The init container that points pepkong's log at /dev/null (the /tmp emptyDir it shares with
 * the gateway): its command replaces the entrypoint; it reads nothing.
 */
export const discardPepkongLogStart: StartContract = {
  runs: "sh -c 'ln -sf /dev/null /tmp/lualogs.txt'",
  source: 'charts/kong/kong-chart.ts (the command); dojot/kong v0.6.0 plugins/pepkong/kong/plugins/pepkong/utils.lua (printToFile)',
  env: [],
};

/**
 * The routes' Job: curlimages/curl:7.76.1, curl/curl-docker 042f845 ("bump to curl 7.76.1")
 * `alpine/latest/Dockerfile` (alpine 3.12.6, /usr/bin/curl, CURL_CA_BUNDLE /cacert.pem, USER
 * curl_user). Its command replaces the image's entrypoint: /bin/sh runs our script from the
 * ConfigMap, which calls Kong's admin API at the address the script fixes (`KONG=http://kong:8001`).
 */
export const kongRouteConfigStart: StartContract = {
  runs: '/bin/sh /config_file/kong-config.sh',
  source: 'curl/curl-docker 042f845 alpine/latest/Dockerfile; charts/kong/routes.ts (the script)',
  env: [],
  files: [{ path: '/config_file/kong-config.sh', source: 'the command (/bin/sh /config_file/kong-config.sh)' }],
  peers: [{ to: 'kong', service: 'internal', port: 'admin', source: 'kong-config.sh (KONG, from charts/kong/routes.ts)' }],
};

/** The profile's Kong ports must leave kong.conf's admin API over TLS alone: the profile does not move that listener. */
export function kongFixedPortProblems(gw: Profile['apigw']): Problem[] {
  const fields = ['httpPort', 'httpsPort', 'adminPort'] as const;
  return fields
    .filter((field) => gw[field] === KONG_CONF.adminSsl)
    .map((field) => ({
      path: `apigw.${field}`,
      message: `must be unique among Kong's ports: ${KONG_CONF.adminSsl} is also Kong's admin API over TLS (kong.conf of dojot/kong v0.6.0)`,
    }));
}
