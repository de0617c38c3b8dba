import { describe, expect, it } from 'vitest';
import { runSynth } from '../helpers/run-synth';
import { GUIDE_HOSTS } from '../helpers/synth';

describe('the summary every synth prints', () => {
  const o = runSynth(['--profile', '100k', '--inventory', GUIDE_HOSTS]);
  const summary = o.lines.filter((l) => l.startsWith('summary: ')).map((l) => l.slice('summary: '.length));

  it('counts the objects per chart', () => {
    expect(o.status).toBe(0);
    // kafka-loopback has no disruption budget on the guide's one Kafka machine (lib/workloads.ts).
    expect(summary[0]).toMatch(
      /^85 objects in 17 files: namespace 1, storage 12, zookeeper 3, .*kafka-loopback 2, .*network-policies 18, dojot-monitoring 4$/,
    );
  });

  it('lists the workloads of each node group with their replicas', () => {
    expect(summary).toContain('vernemq: vernemq-k8s x3, v2k-bridge x9, k2v-bridge x9');
    expect(summary).toContain('kafka: zookeeper x1, kafka-server x1, kafka-loopback x9');
  });

  it('names the entry points with their ports and NodePorts', () => {
    expect(summary.at(-1)).toBe(
      'entry points: mqtt 1883 -> NodePort 30004, mqtts 8883 -> NodePort 30005, apigw 80 -> NodePort 30001, metrics 8080 -> NodePort 30003',
    );
  });

  it('comes with the fit of the requests per node group', () => {
    expect(o.lines).toContain('note:   vernemq: cpu 16.50 of 21.60 cores (76%), memory 9.38 GiB of 21.60 GiB (43%)');
  });
});
