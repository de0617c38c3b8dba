// device-manager (charts/device-manager): its image, database, Kafka and crypto settings, its Redis and Services.
import { describe, expect, it } from 'vitest';
import { envOf, imagesOf, profileOf, synth } from '../helpers/synth';

describe('device-manager (default profile: vernemq flavour)', () => {
  const out = synth(profileOf('default'));

  it('device-manager: database, Kafka and crypto settings, every secret from devm-secret', () => {
    const d = out.find('Deployment', 'device-manager');
    expect(imagesOf(d)).toEqual(['dojot/device-manager:v0.6.0']);
    expect(envOf(d)).toEqual({
      DBHOST: 'postgres',
      DBUSER: 'devm-secret:user',
      DBPASS: 'devm-secret:password',
      KAFKA_HOST: 'kafka-server',
      KAFKA_PORT: '9092',
      DEV_MNGR_CRYPTO_PASS: 'devm-secret:crypto_pass',
      DEV_MNGR_CRYPTO_IV: 'devm-secret:crypto_iv',
      DEV_MNGR_CRYPTO_SALT: 'devm-secret:crypto_salt',
    });
    expect(out.find('Service', 'device-manager').spec.ports).toEqual([{ port: 5000 }]);
    expect(imagesOf(out.find('Deployment', 'device-manager-redis'))).toEqual(['dojot/redis:5.0.5-alpine3.10']);
    expect(out.find('Service', 'device-manager-redis').spec.ports).toEqual([{ port: 6379 }]);
  });
});

describe("addresses follow the other services' contracts", () => {
  const out = synth(profileOf('default', { minio: { port: 9100 }, kafka: { port: 9093 }, apigw: { httpPort: 8080 } }));

  it("device-manager's Kafka port", () => {
    expect(envOf(out.find('Deployment', 'device-manager')).KAFKA_PORT).toBe('9093');
  });
});
