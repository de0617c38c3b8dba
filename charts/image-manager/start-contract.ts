import { hostPort } from '../../lib/contract';
import { safe, unsafe, type StartContract } from '../../lib/start-contract';
import type { Profile } from '../../profile/types';
import { minioContract } from '../minio/contract';

const CONF = 'ImageManager/conf.py (Config)';
const WAIT = 'docker/waitForDb.py';

/**
 * dojot/image-manager v0.6.0. `Dockerfile`: FROM python:3.6-alpine, CMD `./docker/entrypoint.sh
 * start`. `docker/entrypoint.sh` runs `python3 docker/waitForDb.py -w 5 -r 5`, which connects
 * with psycopg2 as `DBUSER` to `DBHOST` with no database and no port (libpq's `PGDATABASE`,
 * else the user's name, and `PGPORT`, else 5432) and, `CREATE_DB` being on, creates `DBNAME`
 * when missing (the user needs CREATEDB), then execs `gunicorn ImageManager.main:app --bind
 * 0.0.0.0:5000 -k gevent`: the port is fixed there, no variable names it (our Service's 5000).
 * `ImageManager/DatabaseModels.py` builds SQLAlchemy's URL from `Config.get_db_url()` (no port:
 * libpq's again) and `Minio(S3URL, S3ACCESSKEY, S3SECRETKEY, secure=False)` at import; the
 * tenant's schema and bucket are made on each request (`ImageManager/TenancyManager.py`). Every
 * variable is read in `ImageManager/conf.py`; it reads no file the image does not ship.
 */
export const imageManagerStart = (p: Profile): StartContract => {
  const s3 = hostPort(minioContract(p).services.s3, 's3');
  return {
    runs: './docker/entrypoint.sh start: python3 docker/waitForDb.py, then gunicorn ImageManager.main:app --bind 0.0.0.0:5000',
    source: 'Dockerfile (CMD), docker/entrypoint.sh',
    env: [
      {
        name: 'DBHOST',
        source: `${CONF}, ${WAIT}`,
        default: safe('postgres'),
        peer: { to: 'postgres', service: 'db', port: 'sql', part: 'host' },
      },
      // Neither get_db_url() nor waitForDb.py names a port: libpq reads PGPORT, else 5432.
      {
        name: 'PGPORT',
        source: `${CONF} (get_db_url, no port), ${WAIT} (psycopg2.connect, no port): libpq`,
        default: safe('5432'),
        peer: { to: 'postgres', service: 'db', port: 'sql', part: 'port' },
      },
      // auth's database user (v0.6.0's image-manager-secret held the same): it has CREATEDB.
      { name: 'DBUSER', source: CONF, default: unsafe('postgres'), credential: true },
      { name: 'DBPASS', source: CONF, default: unsafe('None (no password)'), credential: true },
      // waitForDb.py creates it when missing, owned by DBUSER.
      { name: 'DBNAME', source: `${CONF}, ${WAIT}`, default: safe('dojot_imgm') },
      // waitForDb.py's first connection names no database: the user's own, which postgres' init script creates for auth.
      { name: 'PGDATABASE', source: `${WAIT} (psycopg2.connect, no database): libpq`, default: safe("the user's name (auth's database)") },
      // Any value set is a non-empty string, so true: only its default matters.
      { name: 'CREATE_DB', source: `${CONF}, ${WAIT}`, default: safe('True') },
      { name: 'DBDRIVER', source: CONF, default: safe('postgresql+psycopg2') },
      // host:port without a scheme (Minio(..., secure=False)): held to the contract's, its connection by `peers`.
      {
        name: 'S3URL',
        source: `${CONF}, ImageManager/DatabaseModels.py`,
        default: { value: 'minio:9000', safe: s3 === 'minio:9000' },
        value: s3,
      },
      // v0.6.0's well-known MinIO keys.
      { name: 'S3ACCESSKEY', source: CONF, default: unsafe('9HEODSF6WQN5EZ39DM7Z'), credential: true },
      { name: 'S3SECRETKEY', source: CONF, default: unsafe('fT5nAgHR9pkj0yYsBdc4p+PPq6ArjshcPdz0HA6W'), credential: true },
    ],
    peers: [{ to: 'minio', service: 's3', port: 's3', source: `${CONF} (S3URL), ImageManager/DatabaseModels.py` }],
  };
};
