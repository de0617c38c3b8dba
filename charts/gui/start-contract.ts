import type { StartContract } from '../../lib/start-contract';

/**
 * dojot/gui v0.6.0. `Dockerfile`: the application is built in a node:10.23.0-alpine3.10 stage
 * (its `BASE_URL` and `APPLICATION_URL` are build arguments, fixed in the bundle) and copied into
 * nginx:1.15.7-alpine's `/usr/share/nginx/html`, with no CMD, configuration or entrypoint of its
 * own. That image (nginxinc/docker-nginx 1fe92b8, `mainline/alpine/Dockerfile`) has no entrypoint
 * script: CMD `nginx -g 'daemon off;'`, `mainline/alpine/nginx.vh.default.conf` serving the files
 * on port 80 (fixed, no variable). It reads no variable and no file the image does not ship, and
 * reaches nothing: the browser calls the API through Kong.
 */
export const GUI_START: StartContract = {
  runs: "nginx -g 'daemon off;'",
  source: 'Dockerfile (FROM nginx:1.15.7-alpine, no CMD); nginxinc/docker-nginx 1fe92b8 mainline/alpine/Dockerfile (CMD)',
  env: [],
};
