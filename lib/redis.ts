/** The Redis image v0.6.0 gives its services (their own instance or a sidecar); a service with another Redis names its own. */
export const DOJOT_REDIS_IMAGE = 'dojot/redis:5.0.5-alpine3.10';
