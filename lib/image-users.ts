import type { ImageSecurity } from './container-security';

/** docker-library/redis 5.0 and 6.0 alpine: `adduser -S -G redis -u 999 redis`, group 1000; it writes /data only. */
export const REDIS: ImageSecurity = { user: { uid: 999, gid: 1000 }, dropAll: true, writable: ['/data'] };
/** node images: user `node` is 1000:1000 (docker-node alpine Dockerfile); npm run works as it. */
export const NODE_USER = { uid: 1000, gid: 1000 };
/** Why a container keeps a writable root filesystem. */
export const ROOT_FS_WRITTEN = 'writes into the image at start';
