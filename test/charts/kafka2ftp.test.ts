// kafka2ftp (charts/kafka2ftp): its image, the original's settings, FTP credentials from its Secret, no Service.
import { describe, expect, it } from 'vitest';
import { containerOf, envOf, profileOf, synth } from '../helpers/synth';

describe('kafka2ftp (default profile)', () => {
  const out = synth(profileOf('default'));

  it("kafka2ftp: the original's settings, anonymous FTP; no Service", () => {
    const w = out.find('Deployment', 'kafka2ftp');
    expect(containerOf(w).image).toBe(`dojot/kafka2ftp:${out.profile.versions.kafka2ftp}`);
    expect(envOf(w)).toEqual({
      KAFKA_HOSTS: 'kafka-server:9092',
      KAFKA_GROUP_ID: 'kafka2ftp-group',
      LOG_CONSOLE_LEVEL: 'info',
      FTP_TENANT: 'admin',
      FTP_HOST: 'localhost',
      FTP_PORT: '21',
      FTP_FTPS: 'false',
      // From kafka2ftp-secret when it exists; the image's anonymous / guest without it.
      FTP_USER: 'kafka2ftp-secret:user',
      FTP_PASSWORD: 'kafka2ftp-secret:password',
      FTP_REMOTE_DIR: '/incoming/',
      MAX_CONCURRENT_CONNECTIONS: '10',
      RETRIES: '13',
    });
    expect(out.maybe('Service', 'kafka2ftp')).toBeUndefined();
  });
});

describe('addresses follow the contracts', () => {
  const INFLUX_ON = { optional: { influxdb: true, influxdbStorer: true, influxdbRetriever: true } } as const;
  const out = synth(profileOf('default', { kafka: { port: 9093 }, mongodb: { port: 27018 }, influxdb: { port: 9999 }, ...INFLUX_ON }));

  it("Kafka's port (the original's kafka2ftp wrote a fixed 9092)", () => {
    expect(envOf(out.find('Deployment', 'kafka2ftp')).KAFKA_HOSTS).toBe('kafka-server:9093');
  });
});
