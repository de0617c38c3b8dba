import { describe, expect, it } from 'vitest';
import { capacityFit, checkCapacity, workloadDemands } from '../../app/capacity-fit';
import { brokerMemoryNeed, VERNEMQ_FIGURES } from '../../profile/vernemq-sizing';
import { parseQuantity } from '../../profile/quantity';
import { ProfileError } from '../../profile/problems';
import type { ProfileLayer } from '../../profile/types';
import { lbProfile, profileOf, synth } from '../helpers/synth';

const GiB = 2 ** 30;
const fitOf = (preset: string, layer: ProfileLayer = {}) => {
  const p = lbProfile(preset, { ...layer, capacity: { ...layer.capacity, onExcess: 'warn' } });
  const out = synth(p);
  return { p, out, fits: capacityFit(workloadDemands(out.objects, p), p) };
};

describe("requests against the guide's machines", () => {
  it.each([
    ['100k', {}],
    ['the whole platform', { flavour: 'vernemq' }],
  ] as [string, ProfileLayer][])("%s: every node group's requests fit 90%% of its machines", (_, layer) => {
    const { fits } = fitOf('100k', layer);
    expect(fits.map((f) => f.group)).toEqual(['dojot', 'kafka', 'x509', 'vernemq']);
    for (const f of fits) {
      expect(f.fits, f.group).toBe(true);
      expect(f.cpu, f.group).toBeGreaterThan(0);
      expect(f.memory, f.group).toBeGreaterThan(0);
    }
    // 90% of the guide's dojot machine (4 cores, 4 GiB) and of its three VerneMQ machines.
    expect(fits.find((f) => f.group === 'dojot')).toMatchObject({ cpuAvailable: 3.6, memoryAvailable: 3.6 * GiB });
    expect(fits.find((f) => f.group === 'vernemq')).toMatchObject({ cpuAvailable: 21.6, memoryAvailable: 21.6 * GiB });
  });

  it('counts every replica and every workload of the group, and leaves none unpinned', () => {
    const { out, p } = fitOf('100k', { flavour: 'vernemq' });
    const demands = workloadDemands(out.objects, p);
    expect(demands.filter((d) => !d.group).map((d) => d.name)).toEqual([]);
    const bridge = demands.find((d) => d.name === 'v2k-bridge');
    expect(bridge).toMatchObject({ group: 'vernemq', cpu: 9 * 0.25, memory: 9 * 192 * 2 ** 20 });
  });

  it('reports the whole platform with InfluxDB honestly: the dojot machine is too small', () => {
    const { fits } = fitOf('100k', { flavour: 'vernemq', optional: { influxdb: true, influxdbStorer: true, influxdbRetriever: true } });
    expect(fits.find((f) => f.group === 'dojot')?.fits).toBe(false);
  });

  it('refuses when a group does not fit, naming the group, its workloads and the way out', () => {
    const p = lbProfile('100k', { capacity: { machines: { vernemq: { count: 1 } } } });
    expect(() => synth(p)).toThrow(ProfileError);
    try {
      checkCapacity(synth(lbProfile('100k', { capacity: { machines: { vernemq: { count: 1 } }, onExcess: 'warn' } })).objects, p);
      expect.unreachable();
    } catch (e) {
      expect((e as ProfileError).problems.map((x) => x.path)).toEqual(['capacity.machines.vernemq']);
      expect((e as ProfileError).message).toMatch(/vernemq-k8s, v2k-bridge, k2v-bridge.*capacity\.onExcess: warn/);
      // The way out is machines (README, Sizing), never smaller requests.
      expect((e as ProfileError).message).toMatch(/give the group larger or more machines \(capacity\.machines\.vernemq\)/);
      expect((e as ProfileError).message).not.toMatch(/lower the resources/);
    }
  });

  it('warns instead when capacity.onExcess is warn, and prints the fit of every group', () => {
    const p = lbProfile('100k', { capacity: { machines: { vernemq: { count: 1 } }, onExcess: 'warn' } });
    const lines = checkCapacity(synth(p).objects, p);
    expect(lines[0]).toBe('requests against 90% of the machines (capacity.reservedPercent keeps the rest):');
    expect(lines.filter((l) => l.startsWith('  ')).map((l) => l.trim().split(':')[0])).toEqual(['dojot', 'kafka', 'x509', 'vernemq']);
    expect(lines.at(-1)).toMatch(/^warning: capacity\.machines\.vernemq: the requests exceed the machines/);
  });

  it('checks nothing when the machines are unknown (the default profile)', () => {
    const p = profileOf('default');
    expect(checkCapacity(synth(p).objects, p)).toEqual([]);
  });
});

describe("the brokers' memory", () => {
  it('follows their sessions by the cited figures: buffer, two processes, the message store and the VM', () => {
    const f = VERNEMQ_FIGURES;
    expect(brokerMemoryNeed({ sessions: 0, queuedMessages: 0, payloadBytes: 0 })).toBe(f.base + f.leveldb);
    expect(brokerMemoryNeed({ sessions: 1000, queuedMessages: 0, payloadBytes: 0 }) - (f.base + f.leveldb)).toBe(
      1000 * (32768 + 2 * 338 * 8),
    );
    expect(brokerMemoryNeed({ sessions: 0, queuedMessages: 10, payloadBytes: 100 }) - (f.base + f.leveldb)).toBe(10 * (29 * 8 + 100));
  });

  it("requests what 33,334 sessions need on each of the 100k preset's three brokers", () => {
    const broker = profileOf('100k').resources['vernemq-k8s'].vernemq;
    const need = brokerMemoryNeed({ sessions: 33334, queuedMessages: 3 * 50000, payloadBytes: 256 });
    expect(need / GiB).toBeCloseTo(1.75, 2);
    expect(parseQuantity(broker.memory)).toBeGreaterThanOrEqual(need);
    expect(parseQuantity(broker.memoryLimit)).toBeGreaterThanOrEqual(1.5 * need);
    expect(broker).toEqual({ cpu: '4', memory: '2048Mi', memoryLimit: '2816Mi' });
  });

  it('grows with the devices and shrinks with more brokers, unless the profile sets it', () => {
    const mem = (layer: ProfileLayer) => parseQuantity(profileOf('100k', layer).resources['vernemq-k8s'].vernemq.memory);
    expect(mem({ loadBalancer: { expectedDevices: 200000 } })).toBeGreaterThan(mem({}));
    expect(mem({ vernemq: { replicas: 6 }, bridges: { replicas: 18 } })).toBeLessThan(mem({}));
    expect(
      profileOf('100k', { resources: { 'vernemq-k8s': { vernemq: { memory: '5Gi', memoryLimit: '6Gi' } } } }).resources['vernemq-k8s']
        .vernemq,
    ).toEqual({ cpu: '4', memory: '5Gi', memoryLimit: '6Gi' });
  });

  it("caps the message store in bytes, and sets the connections' buffers, in vernemq.conf", () => {
    const conf = synth(profileOf('100k')).find('ConfigMap', 'vernemq-k8s-config').data['vernemq.conf'] as string;
    expect(conf).toContain(`leveldb.maximum_memory = ${256 * 2 ** 20}\n`);
    expect(conf).not.toContain('leveldb.maximum_memory.percent');
    expect(conf).toContain('listener.tcp.buffer_sizes = 4096,16384,32768\n');
  });
});
