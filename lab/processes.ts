import { type ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';

/** Processes a lab started, so that one call stops them all. */
export class Lab {
  private readonly children: ChildProcess[] = [];

  constructor(readonly dir: string) {}

  start(command: string, args: string[]): ChildProcess {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
    child.on('exit', (code, signal) => {
      if (code && !signal) console.error(`${command} exited with ${code}: ${stderr}`);
    });
    this.children.push(child);
    return child;
  }

  /** Stops every process it started and waits for them to end. */
  async stopAll(): Promise<void> {
    await Promise.all(
      this.children.splice(0).map(
        (c) =>
          new Promise<void>((resolve) => {
            if (c.exitCode !== null || c.signalCode !== null) return resolve();
            c.once('exit', () => resolve());
            c.kill('SIGKILL');
          }),
      ),
    );
  }
}

/** Resolves when a TCP port accepts connections. */
export async function waitForPort(host: string, port: number, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect({ host, port }, () => {
        s.destroy();
        resolve(true);
      });
      s.on('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`${host}:${port} did not open within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Starts one mosquitto broker listening on `address:port` (a stand-in for a VerneMQ node). */
export async function startBroker(lab: Lab, address: string, port: number): Promise<ChildProcess> {
  const conf = path.join(lab.dir, `mosquitto-${address}.conf`);
  fs.writeFileSync(conf, [`listener ${port} ${address}`, 'allow_anonymous true', 'persistence false', 'log_dest none', 'max_connections -1', ''].join('\n'));
  const child = lab.start('mosquitto', ['-c', conf]);
  await waitForPort(address, port);
  return child;
}

/** One row of HAProxy's `show stat`. */
export interface StatRow {
  readonly proxy: string;
  readonly server: string;
  readonly status: string;
  /** Current sessions. */
  readonly current: number;
  /** Sessions since start. */
  readonly total: number;
}

/** Sends a command to HAProxy's stats socket and returns its answer. */
export function statsCommand(socketPath: string, command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const s = net.connect(socketPath);
    let out = '';
    s.on('connect', () => s.write(`${command}\n`));
    s.on('data', (d) => (out += d));
    s.on('end', () => resolve(out));
    s.on('error', reject);
  });
}

export async function showStat(socketPath: string): Promise<StatRow[]> {
  const [header, ...rows] = (await statsCommand(socketPath, 'show stat')).trim().split('\n');
  const cols = header.replace(/^# /, '').split(',');
  const at = (name: string) => cols.indexOf(name);
  return rows.map((r) => r.split(',')).map((f) => ({ proxy: f[at('pxname')], server: f[at('svname')], status: f[at('status')], current: Number(f[at('scur')]), total: Number(f[at('stot')]) }));
}

/** Starts HAProxy in the foreground on a config and waits for its stats socket. */
export async function startHaproxy(lab: Lab, config: string, statsSocket: string): Promise<ChildProcess> {
  const child = lab.start('haproxy', ['-db', '-f', config]);
  const deadline = Date.now() + 5000;
  while (!fs.existsSync(statsSocket)) {
    if (child.exitCode !== null) throw new Error(`haproxy exited with ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error('haproxy did not open its stats socket within 5 s');
    await new Promise((r) => setTimeout(r, 20));
  }
  return child;
}
