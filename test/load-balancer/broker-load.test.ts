import { describe, expect, it } from 'vitest';
import { brokerLoadWarnings } from '../../load-balancer/broker-load';
import { brokerMemory } from '../../profile/vernemq-sizing';
import { runSynth } from '../helpers/run-synth';
import { GUIDE_HOSTS, lbProfile } from '../helpers/synth';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tempDir } from '../helpers/temp';

describe('the sessions the load balancer sends each broker, against what the broker is sized for', () => {
  it('says nothing when the brokers are sized from the devices (the sizing follows expectedDevices / replicas)', () => {
    expect(brokerLoadWarnings(lbProfile('100k'))).toEqual([]);
    expect(brokerLoadWarnings(lbProfile('100k', { vernemq: { replicas: 1 } }))).toEqual([]);
  });

  it('warns when a layer set the brokers a memory that holds fewer sessions', () => {
    const small = brokerMemory({ expectedDevices: 10_000, brokers: 3, bridges: 9, maxOnlineMessages: 1000 });
    const p = lbProfile('100k', { resources: { 'vernemq-k8s': { vernemq: small } } });
    expect(brokerLoadWarnings(p)).toEqual([
      expect.stringMatching(
        /^each VerneMQ broker gets about 33334 MQTT sessions from the load balancer \(loadBalancer\.expectedDevices 100000 over vernemq\.replicas 3\), but is sized for \d+ \(its memory request of \d+Mi/,
      ),
    ]);
  });

  it("warns when the listeners' maxConnections cap the sessions", () => {
    const p = lbProfile('100k', { vernemq: { maxConnections: 10_000 } });
    expect(brokerLoadWarnings(p)).toEqual([
      expect.stringMatching(/but is sized for 20000 \(vernemq\.maxConnections 10000 on each of its 2 MQTT listeners\)/),
    ]);
    expect(brokerLoadWarnings(lbProfile('100k', { vernemq: { maxConnections: 17_000 } }))).toEqual([]);
  });

  it('repeats the warning in the last lines of synth', () => {
    const file = path.join(tempDir('dojot-broker-'), 'capped.yaml');
    fs.writeFileSync(file, 'preset: 100k\nvernemq: { maxConnections: 10000 }\n');
    const o = runSynth(['--profile', file, '--inventory', GUIDE_HOSTS]);
    expect(o.status, o.lines.join('\n')).toBe(0);
    const last = o.lines.filter((l) => l).slice(-2);
    expect(last[0]).toMatch(/^warning: each VerneMQ broker gets about 33334 MQTT sessions/);
    expect(last[1]).toMatch(/^dojot: /);
  });
});
