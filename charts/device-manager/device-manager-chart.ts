import { libpqPort } from '../postgres/libpq';
import { DEVICE_MANAGER_SECRET } from './secret';
import type { Construct } from 'constructs';
import { DojotChart, type DojotChartProps } from '../dojot-chart';
import { portOf } from '../../lib/contract';
import { secretEnv } from '../../lib/secrets';
import { DOJOT_REDIS_IMAGE } from '../../lib/redis';
import { DojotApiService, env } from '../../lib/workloads';
import type { KafkaContract } from '../kafka/contract';
import type { PostgresContract } from '../postgres/contract';
import type { DeviceManagerContract } from './contract';

/** The contracts this chart reads. */
type DeviceManagerReads = {
  readonly postgres: PostgresContract;
  readonly kafka: KafkaContract;
  readonly deviceManager: DeviceManagerContract;
};

export interface DeviceManagerChartProps extends DojotChartProps<DeviceManagerReads> {
  readonly version: string;
}

/** device-manager and its Redis: Deployments and Services (roles/device-manager of v0.6.0). */
export class DeviceManagerChart extends DojotChart<DeviceManagerReads> {
  constructor(scope: Construct, id: string, { version, ...props }: DeviceManagerChartProps) {
    super(scope, id, props);
    const { api, redis } = this.contracts.deviceManager.services;
    const { broker } = this.contracts.kafka.services;

    new DojotApiService(this, 'Redis', {
      contract: redis,
      // The original's Redis had no affinity block, so it could land on a VerneMQ node and eat its brokers' memory.
      placement: this.placement,
      container: { image: DOJOT_REDIS_IMAGE },
    });
    new DojotApiService(this, 'Api', {
      contract: api,
      placement: this.placement,
      container: {
        image: `dojot/device-manager:${version}`,
        env: [
          env('DBHOST', this.contracts.postgres.services.db.name),
          // Its connections name no port (./start-contract.ts): libpq's PGPORT when PostgreSQL moves.
          ...libpqPort(this.contracts.postgres),
          secretEnv('DBUSER', DEVICE_MANAGER_SECRET, 'user'),
          secretEnv('DBPASS', DEVICE_MANAGER_SECRET, 'password'),
          env('KAFKA_HOST', broker.name),
          env('KAFKA_PORT', portOf(broker, 'kafka').port),
          // Read at start (DeviceManager/conf.py): the AES key's pass phrase and salt, and the CBC IV.
          secretEnv('DEV_MNGR_CRYPTO_PASS', DEVICE_MANAGER_SECRET, 'crypto_pass'),
          secretEnv('DEV_MNGR_CRYPTO_IV', DEVICE_MANAGER_SECRET, 'crypto_iv'),
          secretEnv('DEV_MNGR_CRYPTO_SALT', DEVICE_MANAGER_SECRET, 'crypto_salt'),
        ],
      },
    });
  }
}
