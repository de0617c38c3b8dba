// bridges (charts/bridges): v2k-bridge and k2v-bridge beside the brokers, and kafka-loopback (100k only): images, Services, replicas, placement, flavours.
import { describe, expect, it } from 'vitest';
import { containerOf, envOf, groupAffinity, originalLabels, podSpec, profileOf, synth } from '../helpers/synth';

const BRIDGES = [
  ['v2k-bridge', 4000, { V2K_APP_USER_CONFIG_FILE: 'production.conf' }],
  ['k2v-bridge', 4001, {}],
] as const;

describe('the bridges (default profile: vernemq flavour)', () => {
  const out = synth(profileOf('default'));

  it.each(BRIDGES)('%s: one replica of its image, selected by name only, governed by its Service', (name, _port, env) => {
    const sts = out.find('StatefulSet', name);
    expect(sts.spec.replicas).toBe(1);
    expect(sts.spec.serviceName).toBe(name);
    expect(sts.spec.selector.matchLabels).toEqual({ name });
    expect(originalLabels(sts.spec.template.metadata.labels)).toEqual({ app: 'dojot', name });
    expect(podSpec(sts).restartPolicy).toBe('Always');
    expect(containerOf(sts).name).toBe(name);
    expect(containerOf(sts).image).toBe(`dojot/${name}:v0.6.0`);
    expect(envOf(sts)).toEqual(env);
    expect(podSpec(sts).affinity).toBeUndefined();
  });

  it.each(BRIDGES)('%s: its ClusterIP Service on port %i', (name, port) => {
    expect(out.find('Service', name).spec).toEqual({ type: 'ClusterIP', ports: [{ name, port }], selector: { name } });
  });

  it.each(BRIDGES)('%s: ready and alive on the SDK health port, with five minutes to start (Kafka, then its certificates)', (name) => {
    const c = containerOf(out.find('StatefulSet', name));
    expect(c.readinessProbe.httpGet).toEqual({ path: '/ready', port: 9000 });
    expect(c.livenessProbe.httpGet).toEqual({ path: '/live', port: 9000 });
    expect(c.startupProbe).toEqual({ httpGet: { path: '/live', port: 9000 }, failureThreshold: 30, periodSeconds: 10, timeoutSeconds: 5 });
  });

  it('has no kafka-loopback (100k flavour only)', () => {
    expect(out.objects.filter((o) => o.metadata.name === 'kafka-loopback')).toEqual([]);
  });
});

describe('the bridges with the 100k preset', () => {
  const out = synth(profileOf('100k'));

  it.each(BRIDGES)('%s: bridges.replicas (nine), pinned to the vernemq group', (name) => {
    const sts = out.find('StatefulSet', name);
    expect(sts.spec.replicas).toBe(9);
    expect(podSpec(sts).affinity).toEqual(groupAffinity('vernemq'));
  });

  it('kafka-loopback: nine replicas beside Kafka, governed by a headless Service of no port', () => {
    const sts = out.find('StatefulSet', 'kafka-loopback');
    expect(sts.spec.replicas).toBe(9);
    expect(sts.spec.serviceName).toBe('kafka-loopback');
    expect(sts.spec.selector.matchLabels).toEqual({ app: 'dojot', name: 'kafka-loopback' });
    expect(podSpec(sts).containers.map((c: { name: string; image: string }) => [c.name, c.image])).toEqual([
      ['kafka-loopback', 'dojot/kafka-loopback:v0.6.0'],
    ]);
    expect(podSpec(sts).affinity).toEqual(groupAffinity('kafka'));
    const s = out.find('Service', 'kafka-loopback');
    expect(originalLabels(s.metadata.labels)).toEqual({ app: 'dojot', name: 'kafka-loopback' });
    expect(s.spec).toEqual({ clusterIP: 'None', ports: [], selector: { app: 'dojot', name: 'kafka-loopback' } });
  });

  it('kafka-loopback: alive while kafkacat runs (it has no port)', () => {
    const c = containerOf(out.find('StatefulSet', 'kafka-loopback'));
    // The pattern may be written [k]afkacat, so that grep's own command line does not match it (lib/probes.ts).
    expect(c.livenessProbe.exec.command).toEqual([
      'sh',
      '-c',
      expect.stringMatching(/^grep -qs '(\[k\]|k)afkacat' \/proc\/\[0-9\]\*\/cmdline$/),
    ]);
  });
});

describe('the bridges in the flavours without VerneMQ', () => {
  it.each(['mosca', 'lwm2m'] as const)('the %s flavour has no bridge and no kafka-loopback', (flavour) => {
    const out = synth(profileOf('default', { flavour }));
    for (const name of ['v2k-bridge', 'k2v-bridge', 'kafka-loopback']) {
      expect(out.maybe('StatefulSet', name)).toBeUndefined();
      expect(out.maybe('Service', name)).toBeUndefined();
    }
    // The output is there: Kafka is.
    expect(out.find('StatefulSet', 'kafka-server').metadata.name).toBe('kafka-server');
  });
});
