// Which flavour (and toggle) deploys what: each component's `deployedBy`, read from the output of each flavour.
import { describe, expect, it } from 'vitest';
import { DATA_WORKLOADS, FULL_PLATFORM_SERVICES, FULL_PLATFORM_WORKLOADS, INFLUX_ON } from '../helpers/workload-lists';
import { originalLabels, podSpec, profileOf, synth } from '../helpers/synth';

const WORKLOADS = FULL_PLATFORM_WORKLOADS;
const SERVICES = FULL_PLATFORM_SERVICES;

const labelsOf = (name: string) => ({ app: 'dojot', name });

describe('flavours', () => {
  it.each(['mosca', 'lwm2m'])('the %s flavour deploys them too', (flavour) => {
    const out = synth(profileOf('default', { flavour: flavour as 'mosca' | 'lwm2m' }));
    for (const [kind, name] of WORKLOADS) expect(out.find(kind, name).metadata.name).toBe(name);
    for (const name of SERVICES) expect(out.find('Service', name).metadata.name).toBe(name);
  });

  it('the 100k flavour deploys none of them', () => {
    const out = synth(profileOf('100k'));
    for (const [kind, name] of WORKLOADS) expect(out.maybe(kind, name)).toBeUndefined();
    for (const name of SERVICES) expect(out.maybe('Service', name)).toBeUndefined();
  });
});

describe('the vernemq flavour (default profile)', () => {
  const out = synth(profileOf('default'));

  it('has no InfluxDB, storer or retriever (optional.influxdb is off)', () => {
    for (const [kind, name] of [
      ...DATA_WORKLOADS.filter(([, n]) => n.startsWith('influxdb')),
      ['Service', 'influxdb'],
      ['Service', 'influxdb-retriever'],
      ['Job', 'influxdb-job'],
    ]) {
      expect(out.maybe(kind, name)).toBeUndefined();
    }
  });

  it('deploys no IoT agent in the vernemq flavour', () => {
    for (const name of ['iotagent-mosca', 'iotagent-lwm2m']) {
      expect(out.maybe('Deployment', name)).toBeUndefined();
      expect(out.maybe('Service', name)).toBeUndefined();
    }
  });
});

describe.each(['mosca', 'lwm2m'] as const)('the %s flavour', (flavour) => {
  const out = synth(profileOf('default', { flavour, ...INFLUX_ON }));

  it.each(DATA_WORKLOADS)('deploys %s %s', (kind, name) => {
    expect(originalLabels(out.find(kind, name).spec.template.metadata.labels)).toEqual(labelsOf(name));
  });
});

describe('the mosca flavour', () => {
  const out = synth(profileOf('default', { flavour: 'mosca' }));

  it('deploys no VerneMQ, no bridge and no kafka-loopback, but flowbroker', () => {
    expect(out.maybe('StatefulSet', 'vernemq-k8s')).toBeUndefined();
    expect(out.maybe('Service', 'vernemq-k8s-external-service')).toBeUndefined();
    for (const name of ['v2k-bridge', 'k2v-bridge']) expect(out.maybe('Deployment', name)).toBeUndefined();
    expect(out.objects.filter((o) => o.metadata.name === 'kafka-loopback')).toEqual([]);
    const images = out.objects.flatMap((o) => (o.spec?.template ? podSpec(o).containers.map((c: { image: string }) => c.image) : []));
    expect(images.filter((i: string) => /vernemq|v2k-bridge|k2v-bridge|kafka-loopback/.test(i))).toEqual([]);
    expect(out.find('Deployment', 'flowbroker')).toBeDefined();
  });
});

describe('the lwm2m flavour', () => {
  const out = synth(profileOf('default', { flavour: 'lwm2m' }));

  it('deploys no other IoT agent or broker', () => {
    expect(out.maybe('Deployment', 'iotagent-mosca')).toBeUndefined();
    expect(out.maybe('StatefulSet', 'vernemq-k8s')).toBeUndefined();
    expect(out.maybe('Deployment', 'v2k-bridge')).toBeUndefined();
  });
});

describe('the 100k flavour', () => {
  const out = synth(profileOf('100k', INFLUX_ON));

  it.each(DATA_WORKLOADS)('deploys no %s %s', (kind, name) => {
    expect(out.maybe(kind, name)).toBeUndefined();
  });

  it('has no InfluxDB setup Job', () => {
    expect(out.maybe('Job', 'influxdb-job')).toBeUndefined();
  });
});
