// persister (charts/persister): its image, Kafka, MongoDB, data-broker and auth addresses, no Service, and its toggle.
import { describe, expect, it } from 'vitest';
import { containerOf, envOf, profileOf, synth } from '../helpers/synth';

describe('persister (default profile)', () => {
  const out = synth(profileOf('default'));

  it('persister: Kafka, MongoDB, data-broker and auth from the contracts; no Service', () => {
    const w = out.find('Deployment', 'persister');
    expect(containerOf(w).image).toBe(`dojot/persister:${out.profile.versions.persister}`);
    expect(envOf(w)).toEqual({
      FALCON_SETTINGS_MODULE: 'history.settings.docker',
      DOJOT_MANAGEMENT_USER: 'persister',
      KAFKA_GROUP_ID: 'persister-group',
      KAFKA_HOSTS: 'kafka-server:9092',
      KAFKA_ADDRESS: 'kafka-server',
      KAFKA_PORT: '9092',
      HISTORY_DB_ADDRESS: 'mongodb',
      HISTORY_DB_PORT: '27017',
      DATA_BROKER_URL: 'http://data-broker:80',
      AUTH_URL: 'http://auth:5000',
      PYTHON_EGG_CACHE: '/tmp/.python-eggs',
    });
    expect(out.maybe('Service', 'persister')).toBeUndefined();
  });

  it('leaves out persister when its toggle is off', () => {
    const off = synth(profileOf('default', { optional: { history: false, persister: false } }));
    expect(off.maybe('Deployment', 'persister')).toBeUndefined();
  });
});

describe('addresses follow the contracts', () => {
  const INFLUX_ON = { optional: { influxdb: true, influxdbStorer: true, influxdbRetriever: true } } as const;
  const out = synth(profileOf('default', { kafka: { port: 9093 }, mongodb: { port: 27018 }, influxdb: { port: 9999 }, ...INFLUX_ON }));

  it("Kafka's port", () => {
    expect(envOf(out.find('Deployment', 'persister'))).toMatchObject({ KAFKA_HOSTS: 'kafka-server:9093', KAFKA_PORT: '9093' });
  });

  it("MongoDB's port", () => {
    expect(envOf(out.find('Deployment', 'persister')).HISTORY_DB_PORT).toBe('27018');
  });
});
