// `npm run bench:lb`: how many concurrent MQTT sessions one HAProxy process holds through the
// generated configuration on this machine, how fast they are set up, how they spread over the
// brokers, and HAProxy's memory per session, extrapolated to 100,000 sessions on the guide's
// 4 GB HAProxy node. Three mosquitto brokers on loopback stand in for the VerneMQ nodes.
// Exits 1 when a session fails before maxconn, when a broker or HAProxy dies, or when the spread
// over the brokers is off by more than SPREAD_TOLERANCE of an even share.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BROKERS, writeLoopbackConfig } from './loopback';
import { type MqttSession, mqttConnect } from './mqtt-client';
import { Lab, showStat, startBroker, startHaproxy } from './processes';

if (process.argv.includes('--help') || process.argv.includes('-h')) {
  console.log(
    'usage: npm run bench:lb\n  BENCH_DEVICES=N     concurrent MQTT sessions to open (default 8000)\n  --help              this text',
  );
  process.exit(0);
}
const GUIDE_NODE_BYTES = 4 * 1024 ** 3;
const TARGET_SESSIONS = 100_000;
// This machine allows 20,000 descriptors per process: 8,000 devices size HAProxy to
// maxconn 9,800 and ulimit-n 19,700.
const DEVICES = Number(process.env.BENCH_DEVICES ?? 8000);
const BATCH = 250;
/** Largest allowed distance from an even share, as a fraction of it (leastconn keeps it within a few sessions). */
const SPREAD_TOLERANCE = 0.02;

function rssBytes(pid: number): number {
  const line = fs
    .readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'))!;
  return Number(line.replace(/\D+/g, '')) * 1024;
}

async function main(): Promise<void> {
  const lab = new Lab(fs.mkdtempSync(path.join(os.tmpdir(), 'dojot-bench-lb-')));
  const sessions: MqttSession[] = [];
  try {
    const { profile, config, statsSocket } = writeLoopbackConfig(lab.dir, DEVICES);
    const maxconn = Number(/maxconn (\d+)/.exec(fs.readFileSync(config, 'utf8'))![1]);
    for (const a of BROKERS) await startBroker(lab, a, profile.nodePorts.mqtt);
    const haproxy = await startHaproxy(lab, config, statsSocket);
    while ((await showStat(statsSocket)).some((r) => r.proxy === 'mqtt' && r.server.startsWith('mqtt-') && r.status !== 'UP'))
      await new Promise((r) => setTimeout(r, 100));
    const baseRss = rssBytes(haproxy.child.pid!);

    const start = process.hrtime.bigint();
    let failure = '';
    while (sessions.length < maxconn && !failure) {
      const n = Math.min(BATCH, maxconn - sessions.length);
      const results = await Promise.allSettled(
        Array.from({ length: n }, (_, i) => mqttConnect('127.0.0.1', 1883, `bench-${sessions.length + i}`, 5000)),
      );
      for (const r of results) {
        if (r.status === 'fulfilled') sessions.push(r.value);
        else failure ||= String(r.reason?.message ?? r.reason);
      }
    }
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const held = sessions.filter((s) => !s.closed()).length;
    const peakRss = rssBytes(haproxy.child.pid!);
    const perSession = (peakRss - baseRss) / held;
    const spread = (await showStat(statsSocket)).filter((r) => r.proxy === 'mqtt' && r.server.startsWith('mqtt-'));
    const projected = baseRss + perSession * TARGET_SESSIONS;

    const mib = (b: number) => `${(b / 1024 ** 2).toFixed(1)} MiB`;
    console.log(
      `HAProxy ${DEVICES} devices sized: maxconn ${maxconn}; ${os.cpus().length} cores, open files limit ${fs.readFileSync('/proc/self/limits', 'utf8').match(/Max open files\s+(\d+)/)?.[1]}`,
    );
    console.log(`sessions held at once      ${held}${failure ? `   (stopped by: ${failure})` : '   (all of maxconn)'}`);
    console.log(
      `setup rate                 ${(sessions.length / seconds).toFixed(0)} sessions/s (${sessions.length} in ${seconds.toFixed(2)} s, ${BATCH} at a time)`,
    );
    console.log(`spread per broker          ${spread.map((r) => `${r.server} ${r.current}`).join(', ')}`);
    console.log(
      `HAProxy RSS                ${mib(baseRss)} idle, ${mib(peakRss)} at peak: ${(perSession / 1024).toFixed(2)} KiB per session`,
    );
    console.log(
      `100,000 sessions           ${mib(projected)} projected, ${((projected / GUIDE_NODE_BYTES) * 100).toFixed(1)}% of the guide's 4 GB HAProxy node`,
    );
    lab.assertRunning();
    const share = held / BROKERS.length;
    const uneven = spread.filter((r) => Math.abs(r.current - share) > share * SPREAD_TOLERANCE || r.status !== 'UP');
    const problems = [
      ...(failure ? [`a session failed before maxconn: ${failure}`] : []),
      ...(held !== sessions.length ? [`${sessions.length - held} sessions closed while others were set up`] : []),
      ...(spread.length !== BROKERS.length ? [`${spread.length} brokers in HAProxy's stats, expected ${BROKERS.length}`] : []),
      ...uneven.map((r) => `${r.server} (${r.status}) holds ${r.current}, an even share is ${share.toFixed(0)}`),
    ];
    if (problems.length) throw new Error(problems.join('; '));
  } finally {
    for (const s of sessions) s.close();
    await lab.stopAll();
    fs.rmSync(lab.dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(`bench:lb failed: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
