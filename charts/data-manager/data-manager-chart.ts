import type { Construct } from 'constructs';
import { DojotChart, type DojotChartProps } from '../dojot-chart';
import { portOf, serviceUrl } from '../../lib/contract';
import { DojotApiService, env } from '../../lib/workloads';
import type { CronContract } from '../cron/contract';
import type { DeviceManagerContract } from '../device-manager/contract';
import type { FlowbrokerContract } from '../flowbroker/contract';
import type { DataManagerContract } from './contract';

/** The contracts this chart reads. */
type DataManagerReads = {
  readonly deviceManager: DeviceManagerContract;
  readonly flowbroker: FlowbrokerContract;
  readonly dataManager: DataManagerContract;
  readonly cron: CronContract;
};

export interface DataManagerChartProps extends DojotChartProps<DataManagerReads> {
  readonly version: string;
}

/** data-manager: export and import of a tenant's devices, templates, flows and cron jobs. */
export class DataManagerChart extends DojotChart<DataManagerReads> {
  constructor(scope: Construct, id: string, { version, ...props }: DataManagerChartProps) {
    super(scope, id, props);
    const { api } = this.contracts.dataManager.services;
    const { flowbroker, deviceManager, cron } = this.contracts;
    new DojotApiService(this, 'Api', {
      contract: api,
      placement: this.placement,
      container: {
        image: `dojot/data-manager:${version}`,
        // The original set no env: these are the image's defaults (dojot/data-manager v0.6.0
        // src/config.js), written from the contracts so that they follow them.
        env: [
          env('PORT', portOf(api, 'http').port),
          env('FLOW_BROKER_URL', serviceUrl(flowbroker.services.api, 'http')),
          env('DEVICE_MANAGER_URL', serviceUrl(deviceManager.services.api, 'http')),
          env('CRON_URL', serviceUrl(cron.services.api, 'http', '/cron')),
        ],
      },
    });
  }
}
