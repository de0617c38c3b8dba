import { describe, expect, it } from 'vitest';
import { profileOf, synth } from '../helpers/synth';

describe('replicas follow the profile', () => {
  // Five brokers at four cores each outgrow the guide's three VerneMQ machines: warned, not refused.
  const out = synth(profileOf('100k', { vernemq: { replicas: 5 }, bridges: { replicas: 4 }, capacity: { onExcess: 'warn' } }));

  it('sizes the broker StatefulSet by vernemq.replicas', () => {
    expect(out.find('StatefulSet', 'vernemq-k8s').spec.replicas).toBe(5);
  });

  it.each(['v2k-bridge', 'k2v-bridge', 'kafka-loopback'])('gives %s bridges.replicas', (name) => {
    expect(out.find('StatefulSet', name).spec.replicas).toBe(4);
  });

  it('creates the Kafka topics with one partition per bridge', () => {
    const env = out.find('Deployment', 'data-broker').spec.template.spec.containers[0].env;
    expect(env).toContainEqual({ name: 'KAFKA_NUM_PARTITIONS', value: '4' });
  });

  it('keeps the presets apart: default has one broker and one bridge, 100k three and nine', () => {
    const base = synth(profileOf('default'));
    const big = synth(profileOf('100k'));
    expect(base.find('StatefulSet', 'vernemq-k8s').spec.replicas).toBe(1);
    expect(big.find('StatefulSet', 'vernemq-k8s').spec.replicas).toBe(3);
    expect(base.find('StatefulSet', 'v2k-bridge').spec.replicas).toBe(1);
    expect(big.find('StatefulSet', 'v2k-bridge').spec.replicas).toBe(9);
  });
});
