import { safe, type StartContract } from '../../lib/start-contract';

const ENTRYPOINT = 'nginxinc/docker-nginx 464886a mainline/debian/docker-entrypoint.sh';
const ENVSUBST = 'nginxinc/docker-nginx 464886a mainline/debian/20-envsubst-on-templates.sh';

/**
 * dojot/gui-v2 v0.6.0 (the default `guiV2.image`). `Dockerfile`: the application is built in a
 * node:12.18.2 stage and copied into nginx:1.19's `/usr/share/nginx/html`; the image's
 * `conf.d/default.conf` is replaced by its own `default.conf` (port 80, fixed; `try_files` to
 * index.html). nginx:1.19 is 1.19.10 (nginxinc/docker-nginx 464886a, 2021-04-13, the tag's last
 * build), `mainline/debian/Dockerfile`: ENTRYPOINT `/docker-entrypoint.sh`, CMD `nginx -g 'daemon
 * off;'`. `docker-entrypoint.sh` runs the scripts of `/docker-entrypoint.d`:
 * `10-listen-on-ipv6-by-default.sh` leaves a `default.conf` that differs from the package's alone,
 * `20-envsubst-on-templates.sh` does nothing without `/etc/nginx/templates` (none in the image),
 * `30-tune-worker-processes.sh` nothing without its variable. It reads no file the image does not
 * ship and reaches nothing: the browser calls the API through Kong.
 */
export const GUI_V2_START: StartContract = {
  runs: "/docker-entrypoint.sh nginx -g 'daemon off;'",
  source: 'Dockerfile (FROM nginx:1.19, no CMD); nginxinc/docker-nginx 464886a mainline/debian/Dockerfile (ENTRYPOINT, CMD)',
  env: [
    { name: 'NGINX_ENTRYPOINT_QUIET_LOGS', source: ENTRYPOINT, default: safe('unset: the entrypoint logs its steps') },
    { name: 'NGINX_ENVSUBST_TEMPLATE_DIR', source: ENVSUBST, default: safe('/etc/nginx/templates (absent: nothing to substitute)') },
    { name: 'NGINX_ENVSUBST_TEMPLATE_SUFFIX', source: ENVSUBST, default: safe('.template') },
    { name: 'NGINX_ENVSUBST_OUTPUT_DIR', source: ENVSUBST, default: safe('/etc/nginx/conf.d') },
    {
      name: 'NGINX_ENTRYPOINT_WORKER_PROCESSES_AUTOTUNE',
      source: 'nginxinc/docker-nginx 464886a mainline/debian/30-tune-worker-processes.sh',
      default: safe('unset: the packaged nginx.conf is left as it is'),
    },
  ],
};
