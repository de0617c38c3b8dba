import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp';
import { BROKERS, writeLoopbackConfig } from '../lab/loopback';
import { type MqttSession, mqttConnectMany } from '../lab/mqtt-client';
import { Lab, type StatRow, showStat, startBroker, startHaproxy } from '../lab/processes';

// The generated configuration on a real HAProxy in front of three real MQTT brokers, on loopback.
const CLIENTS = 300;
const LATER_CLIENTS = 150;

describe('HAProxy with the generated config, three brokers, one killed', () => {
  const lab = new Lab(tempDir('dojot-e2e-'));
  const { profile, config, statsSocket } = writeLoopbackConfig(lab.dir, 8000);
  const mqttPort = profile.nodePorts.mqtt;
  const sessions: MqttSession[] = [];
  const mqttServers = async (): Promise<StatRow[]> =>
    (await showStat(statsSocket)).filter((r) => r.proxy === 'mqtt' && r.server.startsWith('mqtt-'));
  const brokers = new Map<string, Awaited<ReturnType<typeof startBroker>>>();

  beforeAll(async () => {
    for (const address of BROKERS) brokers.set(address, await startBroker(lab, address, mqttPort));
    await startHaproxy(lab, config, statsSocket);
    // HAProxy starts its servers one failed check away from down ('UP 1/3'); the first passed
    // check makes them fully up, as on a load balancer that has been running for a while.
    const deadline = Date.now() + 5000;
    while ((await mqttServers()).some((r) => r.status !== 'UP')) {
      if (Date.now() > deadline) throw new Error(`brokers not up: ${JSON.stringify(await mqttServers())}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  });

  // A broker or HAProxy that dies during the tests fails the next one with its own output.
  afterEach(() => lab.assertRunning());

  afterAll(async () => {
    for (const s of sessions) s.close();
    await lab.stopAll();
  });

  let before: StatRow[] = [];

  it(`connects ${CLIENTS} clients through 1883, every one with its CONNACK`, async () => {
    sessions.push(...(await mqttConnectMany('127.0.0.1', 1883, 'device', CLIENTS)));
    expect(sessions.filter((s) => !s.closed())).toHaveLength(CLIENTS);
  });

  it('spreads them evenly over the three brokers (leastconn)', async () => {
    before = await mqttServers();
    expect(before.map((r) => r.server)).toEqual(['mqtt-1', 'mqtt-2', 'mqtt-3']);
    expect(before.reduce((n, r) => n + r.current, 0)).toBe(CLIENTS);
    for (const r of before) expect(Math.abs(r.current - CLIENTS / 3), `${r.server}: ${r.current}`).toBeLessThanOrEqual(5);
  });

  it('marks a killed broker down within about 3 s (3 failed checks, 1 s apart)', async () => {
    lab.kill(brokers.get(BROKERS[1])!);
    const start = Date.now();
    let status = '';
    while (Date.now() - start < 6000) {
      status = (await mqttServers()).find((r) => r.server === 'mqtt-2')!.status;
      if (status === 'DOWN') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const elapsed = Date.now() - start;
    console.log(`mqtt-2 DOWN after ${elapsed} ms`);
    expect(status).toBe('DOWN');
    expect(elapsed).toBeLessThanOrEqual(3500);
    expect(elapsed).toBeGreaterThanOrEqual(1900); // not on the first failure: fall 3
  });

  it('sends every new session to the two survivors', async () => {
    const later = await mqttConnectMany('127.0.0.1', 1883, 'later', LATER_CLIENTS);
    sessions.push(...later);
    expect(later.filter((s) => !s.closed())).toHaveLength(LATER_CLIENTS);
    const after = await mqttServers();
    const total = (name: string, rows: StatRow[]) => rows.find((r) => r.server === name)!.total;
    expect(total('mqtt-2', after)).toBe(total('mqtt-2', before));
    expect(after.find((r) => r.server === 'mqtt-2')!.current).toBe(0);
    expect(total('mqtt-1', after) - total('mqtt-1', before) + total('mqtt-3', after) - total('mqtt-3', before)).toBe(LATER_CLIENTS);
  });

  it("keeps the sessions on the survivors open: only the killed broker's clients were cut", async () => {
    const first = sessions.slice(0, CLIENTS);
    const cut = first.filter((s) => s.closed()).length;
    expect(cut).toBe(before.find((r) => r.server === 'mqtt-2')!.current);
    const open = first.filter((s) => !s.closed());
    expect(open).toHaveLength(CLIENTS - cut);
    await Promise.all(open.map((s) => s.ping()));
  });
});
