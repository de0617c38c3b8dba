// rabbitmq (charts/rabbitmq): its image and headless Service, as roles/rabbitmq of ansible-dojot v0.6.0.
import { describe, expect, it } from 'vitest';
import { imagesOf, profileOf, synth } from '../helpers/synth';

describe('rabbitmq (default profile: vernemq flavour)', () => {
  const out = synth(profileOf('default'));

  it('RabbitMQ: its image and headless Service', () => {
    expect(imagesOf(out.find('Deployment', 'rabbitmq'))).toEqual(['dojot/rabbitmq:3.7-alpine']);
    expect(out.find('Service', 'rabbitmq').spec).toEqual({
      clusterIP: 'None',
      ports: [{ name: 'rabbitmq-amqp', port: 5672, targetPort: 5672 }],
      selector: { app: 'dojot', name: 'rabbitmq' },
    });
  });
});
