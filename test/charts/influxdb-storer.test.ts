// influxdb-storer (charts/influxdb-storer): its image, settings, InfluxDB's URL and token, probes, toggles and log level.
import { describe, expect, it } from 'vitest';
import type { Component } from '../../charts/component';
import { chartAlone } from '../helpers/chart-alone';
import { influxdbStorerComponent } from '../../charts/influxdb-storer/component';
import { containerOf, envOf, type ManifestObject, originalLabels, profileOf, synth } from '../helpers/synth';

const labelsOf = (name: string) => ({ app: 'dojot', name });
const INFLUX_ON = { optional: { influxdb: true, influxdbStorer: true, influxdbRetriever: true } } as const;

describe('addresses follow the contracts', () => {
  const out = synth(profileOf('default', { kafka: { port: 9093 }, mongodb: { port: 27018 }, influxdb: { port: 9999 }, ...INFLUX_ON }));

  it("Kafka's port", () => {
    expect(envOf(out.find('Deployment', 'influxdb-storer')).STORER_CONSUMER_METADATA_BROKER_LIST).toBe('kafka-server:9093');
  });

  it("InfluxDB's port: the Service's", () => {
    expect(envOf(out.find('Deployment', 'influxdb-storer')).STORER_INFLUX_URL).toBe('http://influxdb:9999');
  });
});

describe('influxdb-storer (optional.influxdb on)', () => {
  const out = synth(profileOf('default', INFLUX_ON));

  it("influxdb-storer: the original's settings, and InfluxDB's URL and token", () => {
    const w = out.find('Deployment', 'influxdb-storer');
    expect(w.spec.selector.matchLabels).toEqual(labelsOf('influxdb-storer'));
    expect(originalLabels(w.metadata.labels)).toEqual(labelsOf('influxdb-storer'));
    const c = containerOf(w);
    expect(c.image).toBe(`dojot/influxdb-storer:${out.profile.versions.influxdbStorer}`);
    expect(envOf(w)).toMatchObject({
      STORER_LOG_CONSOLE_LEVEL: 'info',
      STORER_CONSUMER_METADATA_BROKER_LIST: 'kafka-server:9092',
      STORER_INFLUX_URL: 'http://influxdb:8086',
      STORER_INFLUX_DEFAULT_TOKEN: 'influxdb-secret:admin-token',
    });
    // v0.6.0's readiness failed on one miss (failureThreshold 1); a startup probe now covers the start.
    expect(c.readinessProbe).toEqual({
      httpGet: { path: '/ready', port: 9000 },
      failureThreshold: 3,
      periodSeconds: 10,
      successThreshold: 1,
      timeoutSeconds: 5,
    });
    expect(c.livenessProbe).toEqual({ httpGet: { path: '/live', port: 9000 }, failureThreshold: 3, periodSeconds: 20, timeoutSeconds: 5 });
    expect(c.startupProbe).toEqual({ httpGet: { path: '/live', port: 9000 }, failureThreshold: 12, periodSeconds: 10, timeoutSeconds: 5 });
    expect(out.maybe('Service', 'influxdb-storer')).toBeUndefined();
  });

  it('the log level comes from the profile', () => {
    const debug = synth(profileOf('default', { ...INFLUX_ON, influxdb: { storerLogLevel: 'debug', retrieverLogLevel: 'warn' } }));
    expect(envOf(debug.find('Deployment', 'influxdb-storer')).STORER_LOG_CONSOLE_LEVEL).toBe('debug');
  });

  it('the storer needs InfluxDB: absent when only its own toggle is on', () => {
    const without = synth(profileOf('default', { optional: { influxdb: false, influxdbStorer: true, influxdbRetriever: true } }));
    expect(without.maybe('Deployment', 'influxdb-storer')).toBeUndefined();
    expect(without.maybe('StatefulSet', 'influxdb')).toBeUndefined();
  });
});

describe('the storer given the organization and bucket', () => {
  it("writes them to the image's settings", () => {
    const p = profileOf('default', { ...INFLUX_ON, influxdb: { organizationName: 'acme', bucket: 'telemetry' } });
    const storer = chartAlone(influxdbStorerComponent as Component, p);
    const envs = (docs: ManifestObject[]) => envOf(docs.find((d) => d.kind === 'Deployment')!);
    expect(envs(storer)).toMatchObject({ STORER_INFLUX_DEFAULT_ORGANIZATION: 'acme', STORER_INFLUX_DEFAULT_BUCKET: 'telemetry' });
  });
});
