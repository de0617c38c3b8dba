import type { Construct } from 'constructs';
import { DojotChart, type DojotChartProps } from '../../lib/dojot-chart';
import { dojotLabels } from '../../lib/labels';
import { portOf } from '../../lib/contract';
import { SECRETS, secretEnv } from '../../lib/secrets';
import { DojotDeployment, DojotService, env } from '../../lib/workloads';

export interface DeviceManagerChartProps extends DojotChartProps {
  readonly version: string;
}

/** device-manager and its Redis: Deployments and Services (roles/device-manager of v0.6.0). */
export class DeviceManagerChart extends DojotChart {
  constructor(scope: Construct, id: string, { version, ...props }: DeviceManagerChartProps) {
    super(scope, id, props);
    const { api, redis } = this.contracts.deviceManager.services;
    const { broker } = this.contracts.kafka.services;

    new DojotService(this, 'Service', { contract: api, labels: { name: api.name } });
    new DojotService(this, 'RedisService', { contract: redis, labels: { name: redis.name } });
    new DojotDeployment(this, 'RedisDeployment', {
      name: redis.name,
      metadataLabels: { name: redis.name, app: 'dojot' },
      labels: dojotLabels(redis.name),
      // The original's Redis had no affinity block, so it could land on a VerneMQ node and eat its brokers' memory.
      group: 'dojot',
      placement: this.placement,
      spec: { restartPolicy: 'Always' },
      containers: [{ name: redis.name, image: 'dojot/redis:5.0.5-alpine3.10' }],
    });
    new DojotDeployment(this, 'Deployment', {
      name: api.name,
      metadataLabels: { name: api.name, app: 'dojot' },
      labels: dojotLabels(api.name),
      group: 'dojot',
      placement: this.placement,
      spec: { restartPolicy: 'Always' },
      containers: [
        {
          name: api.name,
          image: `dojot/device-manager:${version}`,
          env: [
            env('DBHOST', this.contracts.postgres.services.db.name),
            secretEnv('DBUSER', SECRETS.deviceManager, 'user'),
            secretEnv('DBPASS', SECRETS.deviceManager, 'password'),
            env('KAFKA_HOST', broker.name),
            env('KAFKA_PORT', portOf(broker, 'kafka').port),
            // Read at start (DeviceManager/conf.py): the AES key's pass phrase and salt, and the CBC IV.
            secretEnv('DEV_MNGR_CRYPTO_PASS', SECRETS.deviceManager, 'crypto_pass'),
            secretEnv('DEV_MNGR_CRYPTO_IV', SECRETS.deviceManager, 'crypto_iv'),
            secretEnv('DEV_MNGR_CRYPTO_SALT', SECRETS.deviceManager, 'crypto_salt'),
          ],
        },
      ],
    });
  }
}
