import { EOL, type ImageLifecycle } from './image-lifecycle';

/** The Redis image v0.6.0 gives its services (their own instance or a sidecar); a service with another Redis names its own. */
export const DOJOT_REDIS_IMAGE = 'dojot/redis:5.0.5-alpine3.10';

/** What the Redis images run, and the ends of support they are past (docker-library/redis, 5.0/alpine and 6.0/alpine). */
export const REDIS_LIFECYCLE = {
  image: DOJOT_REDIS_IMAGE,
  runs: 'Redis 5.0.5',
  base: 'alpine:3.10 (docker-library/redis 5.0/alpine/Dockerfile, as dojot/redis copies it)',
  endOfLife: [
    EOL.alpine310,
    { of: 'Redis 5.0 (upstream supports its latest releases only)', source: 'https://github.com/redis/redis/blob/unstable/SECURITY.md' },
  ],
} as const satisfies ImageLifecycle;
