import type { ComponentContract } from '../../lib/contract';
import type { Profile } from '../../profile/types';

/** kafka2ftp: copies Kafka messages to an FTP server; no Service. */
export function kafka2ftpContract(_p: Profile) {
  return { services: {} } satisfies ComponentContract;
}

/** What it offers, as its chart and its clients' charts read it. */
export type Kafka2ftpContract = ReturnType<typeof kafka2ftpContract>;
