import type { ComponentContract } from '../../lib/contract';
import type { Profile } from '../../profile/types';

/** persister: writes device data from Kafka into MongoDB; no Service. */
export function persisterContract(_p: Profile) {
  return { services: {} } satisfies ComponentContract;
}

/** What it offers, as its chart and its clients' charts read it. */
export type PersisterContract = ReturnType<typeof persisterContract>;
