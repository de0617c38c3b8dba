import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as https from 'node:https';
import * as http from 'node:http';
import * as net from 'node:net';
import * as path from 'node:path';

/** A process the rehearsal started: enough to find it again and end it (`npm run rehearse -- --stop`). */
export interface StartedProcess {
  readonly name: string;
  readonly pid: number;
  /** The binary it runs: a pid is ended only while it still runs this binary. */
  readonly binary: string;
  readonly log: string;
}

/** A free TCP port on 127.0.0.1, chosen by the kernel. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts `binary` in a process group of its own (so that it outlives the rehearsal with --keep),
 * its output to `<dir>/<name>.log`.
 */
export function startProcess(dir: string, name: string, binary: string, args: readonly string[]): StartedProcess {
  const log = path.join(dir, `${name}.log`);
  const fd = fs.openSync(log, 'a');
  const child = spawn(binary, args, { cwd: dir, detached: true, stdio: ['ignore', fd, fd] });
  fs.closeSync(fd);
  child.unref();
  if (child.pid === undefined) throw new Error(`${name} did not start (${binary})`);
  return { name, pid: child.pid, binary, log };
}

/** Whether the process still runs its binary (a pid can be reused once it has ended). */
export function isRunning(p: StartedProcess): boolean {
  try {
    return fs.readlinkSync(`/proc/${p.pid}/exe`) === fs.realpathSync(p.binary);
  } catch {
    return false;
  }
}

/** Ends the process group of each process still running, waits for them, and kills what lingers. */
export async function stopProcesses(processes: readonly StartedProcess[], graceMs = 5000): Promise<void> {
  const running = processes.filter(isRunning);
  for (const p of running) signal(p, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (running.some(isRunning) && Date.now() < deadline) await sleep(100);
  for (const p of running.filter(isRunning)) signal(p, 'SIGKILL');
  while (running.some(isRunning)) await sleep(50);
}

function signal(p: StartedProcess, sig: NodeJS.Signals): void {
  try {
    process.kill(-p.pid, sig);
  } catch {
    try {
      process.kill(p.pid, sig);
    } catch {
      // already gone
    }
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The last lines of a process's log, for a message. */
export function logTail(p: StartedProcess, lines = 5): string {
  try {
    return fs.readFileSync(p.log, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

export interface Probe {
  readonly url: string;
  /** CA to trust for https; without it the certificate is not checked (a component's own self-signed one on loopback). */
  readonly ca?: string;
  readonly token?: string;
}

/** GET `url`; resolves to the status and body, or undefined when nothing answers. */
export function get(probe: Probe, timeoutMs = 2000): Promise<{ status: number; body: string } | undefined> {
  return new Promise((resolve) => {
    const url = new URL(probe.url);
    const options: https.RequestOptions = {
      method: 'GET',
      timeout: timeoutMs,
      headers: probe.token ? { authorization: `Bearer ${probe.token}` } : {},
      ...(url.protocol === 'https:' ? (probe.ca ? { ca: fs.readFileSync(probe.ca) } : { rejectUnauthorized: false }) : {}),
    };
    const request = (url.protocol === 'https:' ? https : http).request(url, options, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(undefined));
    request.end();
  });
}

/**
 * Waits until `probe` answers 200, while `process` runs. Throws with the process's own last log
 * lines when it ends first or the time is up.
 */
export async function waitHealthy(process: StartedProcess, probe: Probe, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await get(probe);
    if (answer?.status === 200) return;
    if (!isRunning(process)) throw new Error(`${process.name} ended before it was healthy:\n${logTail(process)}`);
    if (Date.now() > deadline) {
      throw new Error(
        `${process.name} was not healthy within ${timeoutMs / 1000} s (${probe.url}: ${answer ? `${answer.status} ${answer.body.slice(0, 200)}` : 'no answer'}):\n${logTail(process)}`,
      );
    }
    await sleep(200);
  }
}
