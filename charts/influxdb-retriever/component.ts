import { FULL, component } from '../component';
import { influxdbRetrieverContract } from './contract';

/** influxdb-retriever: what the platform knows of it besides its chart. */
export const influxdbRetrieverComponent = component({
  name: 'influxdbRetriever',
  chartId: 'influxdb-retriever',
  role: 'api',
  // "It will only be enabled if InfluxDB is enabled as well" (v0.6.0's services.yaml).
  deployedBy: (p) => FULL.includes(p.flavour) && p.optional.influxdb && p.optional.influxdbRetriever,
  wave: 'services',
  contract: influxdbRetrieverContract,
});
