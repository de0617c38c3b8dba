import type { ComponentContract, LocalVolume } from '../../lib/contract';
import type { Profile } from '../../profile/types';

export const MONGODB_VOLUME = {
  pvName: 'local-pv-mongo',
  group: 'dojot',
  directory: 'mongodb',
  accessMode: 'ReadWriteOnce',
  selector: { app: 'dojot', db: 'mongodb' },
  persistence: (p) => p.mongodb.persistence,
} as const satisfies LocalVolume;

/** MongoDB, for x509-identity-mgmt. */
export function mongodbContract(p: Profile) {
  return {
    services: {
      db: {
        name: 'mongodb',
        selector: { name: 'mongodb', app: 'dojot' },
        ports: { mongo: { port: p.mongodb.port, targetPort: p.mongodb.port } },
      },
    },
    volumes: [MONGODB_VOLUME],
  } satisfies ComponentContract;
}

/** What it offers, as its chart and its clients' charts read it. */
export type MongodbContract = ReturnType<typeof mongodbContract>;
