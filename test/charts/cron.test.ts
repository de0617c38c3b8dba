// cron (charts/cron): the platform version's image, its Kafka, MongoDB and dojot addresses, and its Service.
import { describe, expect, it } from 'vitest';
import { containerOf, envOf, profileOf, synth } from '../helpers/synth';

describe('cron (default profile)', () => {
  const out = synth(profileOf('default'));

  it("cron: the platform version's image, Kafka and MongoDB from the contracts", () => {
    const w = out.find('Deployment', 'cron');
    expect(containerOf(w).image).toBe(`dojot/cron:${out.profile.version}`);
    expect(envOf(w)).toEqual({
      KAFKA_HOSTS: 'kafka-server:9092',
      MONGO_URL: 'mongodb://mongodb:27017',
      DATA_BROKER_URL: 'http://data-broker:80',
      AUTH_URL: 'http://auth:5000',
      DEVICE_MANAGER_URL: 'http://device-manager:5000',
    });
    expect(out.find('Service', 'cron').spec).toMatchObject({ ports: [{ port: 5000 }], selector: { app: 'dojot', name: 'cron' } });
  });
});

describe('addresses follow the contracts', () => {
  const INFLUX_ON = { optional: { influxdb: true, influxdbStorer: true, influxdbRetriever: true } } as const;
  const out = synth(profileOf('default', { kafka: { port: 9093 }, mongodb: { port: 27018 }, influxdb: { port: 9999 }, ...INFLUX_ON }));

  it("Kafka's port (the original's cron wrote a fixed 9092)", () => {
    expect(envOf(out.find('Deployment', 'cron')).KAFKA_HOSTS).toBe('kafka-server:9093');
  });

  it("MongoDB's port", () => {
    expect(envOf(out.find('Deployment', 'cron')).MONGO_URL).toBe('mongodb://mongodb:27018');
  });
});
