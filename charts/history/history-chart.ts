import type { Construct } from 'constructs';
import { DojotChart, type DojotChartProps } from '../dojot-chart';
import { portOf, serviceUrl } from '../../lib/contract';
import { DojotApiService, env } from '../../lib/workloads';
import type { DeviceManagerContract } from '../device-manager/contract';
import type { MongodbContract } from '../mongodb/contract';
import type { HistoryContract } from './contract';

/** The contracts this chart reads. */
type HistoryReads = { readonly mongodb: MongodbContract; readonly deviceManager: DeviceManagerContract; readonly history: HistoryContract };

export interface HistoryChartProps extends DojotChartProps<HistoryReads> {
  readonly version: string;
}

/** history: the devices' past data, read from MongoDB, behind `/history`. */
export class HistoryChart extends DojotChart<HistoryReads> {
  constructor(scope: Construct, id: string, { version, ...props }: HistoryChartProps) {
    super(scope, id, props);
    const { api } = this.contracts.history.services;
    const { db } = this.contracts.mongodb.services;
    new DojotApiService(this, 'Api', {
      contract: api,
      placement: this.placement,
      container: {
        image: `dojot/history:${version}`,
        env: [
          env('FALCON_SETTINGS_MODULE', 'history.settings.docker'),
          env('DOJOT_MANAGEMENT_USER', 'history'),
          // The original left these to the image's defaults (dojot/history v0.6.0 history/conf.py:
          // mongodb:27017, http://device-manager:5000); from the contracts they follow the profile.
          env('HISTORY_DB_ADDRESS', db.name),
          env('HISTORY_DB_PORT', portOf(db, 'mongo').port),
          env('DEVICE_MANAGER_URL', serviceUrl(this.contracts.deviceManager.services.api, 'http')),
        ],
      },
    });
  }
}
