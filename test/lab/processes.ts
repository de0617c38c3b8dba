import { type ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';

/** A process the lab started, with the end of its output for error messages. */
export interface LabProcess {
  readonly name: string;
  readonly child: ChildProcess;
  /** The last 4,000 characters it wrote to stdout and stderr. */
  log(): string;
}

/** Processes a lab started, so that one call stops them all, and none dies unnoticed. */
export class Lab {
  private readonly processes: LabProcess[] = [];
  private readonly stopping = new Set<ChildProcess>();

  constructor(readonly dir: string) {}

  start(name: string, command: string, args: string[]): LabProcess {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (d: Buffer) => (output = (output + d).slice(-4000));
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    const p = { name, child, log: () => output.trim() || '(no output)' };
    this.processes.push(p);
    return p;
  }

  /** Stops one process on purpose (a test's failure injection): not an unexpected exit. */
  kill(p: LabProcess): void {
    this.stopping.add(p.child);
    p.child.kill('SIGKILL');
  }

  /** Throws, with their own output, when processes of the lab have exited without being stopped. */
  assertRunning(): void {
    const dead = this.processes.filter((p) => (p.child.exitCode !== null || p.child.signalCode !== null) && !this.stopping.has(p.child));
    if (dead.length)
      throw new Error(dead.map((p) => `${p.name} exited (${p.child.exitCode ?? p.child.signalCode}); its output:\n${p.log()}`).join('\n'));
  }

  /**
   * Waits until `probe` passes while the process runs; fails at once, with the process's output,
   * when it exits, or when the probe still fails at the deadline.
   */
  async waitUntilUp(p: LabProcess, probe: () => Promise<boolean> | boolean, what: string, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (p.child.exitCode !== null || p.child.signalCode !== null)
        throw new Error(`${p.name} exited (${p.child.exitCode ?? p.child.signalCode}) before ${what}; its output:\n${p.log()}`);
      if (await probe()) break;
      if (Date.now() > deadline) throw new Error(`${p.name}: ${what} did not happen within ${timeoutMs} ms; its output:\n${p.log()}`);
      await new Promise((r) => setTimeout(r, 25));
    }
    // Another process may hold the port: the one we started must still be running.
    await new Promise((r) => setTimeout(r, 50));
    this.assertRunning();
  }

  /** Stops every process it started and waits for them to end. */
  async stopAll(): Promise<void> {
    await Promise.all(
      this.processes.splice(0).map(
        ({ child: c }) =>
          new Promise<void>((resolve) => {
            this.stopping.add(c);
            if (c.exitCode !== null || c.signalCode !== null) return resolve();
            c.once('exit', () => resolve());
            c.kill('SIGKILL');
          }),
      ),
    );
  }
}

/** Whether a TCP port accepts a connection now. */
export function portOpen(host: string, port: number): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    const s = net.connect({ host, port }, () => {
      s.destroy();
      resolve(true);
    });
    s.on('error', () => resolve(false));
  });
}

/** Starts one mosquitto broker listening on `address:port` (a stand-in for a VerneMQ node), and waits until it is up. */
export async function startBroker(lab: Lab, address: string, port: number): Promise<LabProcess> {
  const conf = path.join(lab.dir, `mosquitto-${address}.conf`);
  fs.writeFileSync(
    conf,
    [
      `listener ${port} ${address}`,
      'allow_anonymous true',
      'persistence false',
      'log_dest stderr',
      'log_type error',
      'max_connections -1',
      '',
    ].join('\n'),
  );
  const broker = lab.start(`mosquitto on ${address}:${port}`, 'mosquitto', ['-c', conf]);
  await lab.waitUntilUp(broker, () => portOpen(address, port), `listening on ${address}:${port}`);
  return broker;
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
  return rows
    .map((r) => r.split(','))
    .map((f) => ({
      proxy: f[at('pxname')],
      server: f[at('svname')],
      status: f[at('status')],
      current: Number(f[at('scur')]),
      total: Number(f[at('stot')]),
    }));
}

/** Starts HAProxy in the foreground on a config and waits for its stats socket. */
export async function startHaproxy(lab: Lab, config: string, statsSocket: string): Promise<LabProcess> {
  const haproxy = lab.start('haproxy', 'haproxy', ['-db', '-f', config]);
  await lab.waitUntilUp(haproxy, () => fs.existsSync(statsSocket), 'its stats socket opened');
  return haproxy;
}
