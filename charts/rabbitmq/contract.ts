import type { ComponentContract } from '../../lib/contract';
import type { Profile } from '../../profile/types';

/** RabbitMQ, flowbroker's message queue: its headless Service. */
export function rabbitmqContract(_p: Profile) {
  return {
    services: {
      amqp: {
        name: 'rabbitmq',
        selector: { name: 'rabbitmq', app: 'dojot' },
        ports: { amqp: { name: 'rabbitmq-amqp', port: 5672, targetPort: 5672 } },
      },
    },
  } satisfies ComponentContract;
}

/** What it offers, as its chart and its clients' charts read it. */
export type RabbitmqContract = ReturnType<typeof rabbitmqContract>;
