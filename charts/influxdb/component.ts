import { FULL, component } from '../component';
import { influxdbContract } from './contract';

/** influxdb: what the platform knows of it besides its chart. */
export const influxdbComponent = component({
  name: 'influxdb',
  chartId: 'influxdb',
  role: 'database',
  deployedBy: (p) => FULL.includes(p.flavour) && p.optional.influxdb,
  wave: 'dataStores',
  contract: influxdbContract,
});
