import { FULL, component } from '../component';
import { influxdbStorerContract } from './contract';

/** influxdb-storer: what the platform knows of it besides its chart. */
export const influxdbStorerComponent = component({
  name: 'influxdbStorer',
  chartId: 'influxdb-storer',
  role: 'worker',
  // "It will only be enabled if InfluxDB is enabled as well" (v0.6.0's services.yaml).
  deployedBy: (p) => FULL.includes(p.flavour) && p.optional.influxdb && p.optional.influxdbStorer,
  wave: 'services',
  contract: influxdbStorerContract,
});
