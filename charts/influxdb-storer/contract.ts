import type { ComponentContract } from '../../lib/contract';
import type { Profile } from '../../profile/types';

/** influxdb-storer (optional): writes device data from Kafka into InfluxDB; no Service. */
export function influxdbStorerContract(_p: Profile) {
  return { services: {} } satisfies ComponentContract;
}

/** What it offers, as its chart and its clients' charts read it. */
export type InfluxdbStorerContract = ReturnType<typeof influxdbStorerContract>;
