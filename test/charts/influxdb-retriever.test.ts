// influxdb-retriever (charts/influxdb-retriever): its image, Service on 3000, InfluxDB's URL and token, probes, toggles and log level.
import { describe, expect, it } from 'vitest';
import type { Component } from '../../charts/component';
import { chartAlone } from '../helpers/chart-alone';
import { influxdbRetrieverComponent } from '../../charts/influxdb-retriever/component';
import { containerOf, envOf, type ManifestObject, profileOf, synth } from '../helpers/synth';

const labelsOf = (name: string) => ({ app: 'dojot', name });
const INFLUX_ON = { optional: { influxdb: true, influxdbStorer: true, influxdbRetriever: true } } as const;

describe('addresses follow the contracts', () => {
  const out = synth(profileOf('default', { kafka: { port: 9093 }, mongodb: { port: 27018 }, influxdb: { port: 9999 }, ...INFLUX_ON }));

  it("InfluxDB's port: the Service's", () => {
    expect(envOf(out.find('Deployment', 'influxdb-retriever')).RETRIEVER_INFLUX_URL).toBe('http://influxdb:9999');
  });
});

describe('influxdb-retriever (optional.influxdb on)', () => {
  const out = synth(profileOf('default', INFLUX_ON));

  it("influxdb-retriever: its Service on 3000, InfluxDB's URL and token, probes on 9000", () => {
    const w = out.find('Deployment', 'influxdb-retriever');
    expect(w.spec.selector.matchLabels).toEqual(labelsOf('influxdb-retriever'));
    const c = containerOf(w);
    expect(c.image).toBe(`dojot/influxdb-retriever:${out.profile.versions.influxdbRetriever}`);
    expect(envOf(w)).toMatchObject({
      RETRIEVER_LOG_CONSOLE_LEVEL: 'info',
      RETRIEVER_INFLUX_URL: 'http://influxdb:8086',
      RETRIEVER_INFLUX_DEFAULT_TOKEN: 'influxdb-secret:admin-token',
      RETRIEVER_SERVER_PORT: '3000',
    });
    expect(c.readinessProbe.httpGet).toEqual({ path: '/ready', port: 9000 });
    expect(c.livenessProbe.httpGet).toEqual({ path: '/live', port: 9000 });
    expect(out.find('Service', 'influxdb-retriever').spec).toEqual({
      ports: [{ port: 3000, targetPort: 3000 }],
      selector: labelsOf('influxdb-retriever'),
    });
  });

  it('the log level comes from the profile', () => {
    const debug = synth(profileOf('default', { ...INFLUX_ON, influxdb: { storerLogLevel: 'debug', retrieverLogLevel: 'warn' } }));
    expect(envOf(debug.find('Deployment', 'influxdb-retriever')).RETRIEVER_LOG_CONSOLE_LEVEL).toBe('warn');
  });

  it('the retriever needs InfluxDB: absent when only its own toggle is on', () => {
    const without = synth(profileOf('default', { optional: { influxdb: false, influxdbStorer: true, influxdbRetriever: true } }));
    expect(without.maybe('Deployment', 'influxdb-retriever')).toBeUndefined();
    expect(without.maybe('StatefulSet', 'influxdb')).toBeUndefined();
  });
});

describe('the retriever given the organization and bucket', () => {
  it("writes the bucket to the image's settings", () => {
    const p = profileOf('default', { ...INFLUX_ON, influxdb: { organizationName: 'acme', bucket: 'telemetry' } });
    const retriever = chartAlone(influxdbRetrieverComponent as Component, p);
    const envs = (docs: ManifestObject[]) => envOf(docs.find((d) => d.kind === 'Deployment')!);
    expect(envs(retriever)).toMatchObject({ RETRIEVER_INFLUX_DEFAULT_BUCKET: 'telemetry' });
  });
});
