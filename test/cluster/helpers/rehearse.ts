import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expect, inject } from 'vitest';
import type { RehearsalResult } from '../../../rehearsal/rehearse';

const ROOT = path.join(__dirname, '..', '..', '..');

/** What one `npm run rehearse` printed and reported. */
export interface Rehearsed {
  readonly status: number;
  readonly stderr: string;
  readonly stdout: string;
  readonly report: Omit<RehearsalResult, 'controlPlane'> & { folder: string };
}

/**
 * Runs `npm run rehearse -- ARGS --bin <built> --report FILE`, as a user would, and reads its
 * report. Asynchronous: a worker blocked for a minute loses its line to vitest.
 */
export async function rehearse(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<Rehearsed> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'dojot-rehearsal-test-'));
  const report = path.join(scratch, 'report.json');
  const child = spawn('npm', ['run', '-s', 'rehearse', '--', ...args, '--bin', inject('controlPlaneBin'), '--report', report], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  const status = await new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 1)));
  if (!fs.existsSync(report)) throw new Error(`npm run rehearse ${args.join(' ')} wrote no report (exit ${status}):\n${stderr}`);
  return { status, stderr, stdout, report: JSON.parse(fs.readFileSync(report, 'utf8')) };
}

/** A profile file of `text`, for a rehearsal. */
export function profileFile(name: string, text: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dojot-rehearsal-profile-')), name);
  fs.writeFileSync(file, text);
  return file;
}

/** The guide's machines and addresses, as the README's deploy steps use them. */
export const GUIDE = ['--profile', '100k', '--inventory', 'examples/guide-100k'] as const;

/** The failures of a rehearsal, one per line, for an assertion's message. */
export const failuresOf = (r: Rehearsed) => r.report.failures.map((f) => `${f.object}: ${f.message}`).join('\n') || r.stderr;

/** A rehearsal that must pass: exit 0, no failure, Kubernetes 1.37.2, a pod on every node that should hold one. */
export function expectPassed(r: Rehearsed, idle: readonly string[] = []) {
  expect(r.report.failures, failuresOf(r)).toEqual([]);
  expect(r.status, r.stderr).toBe(0);
  expect(r.report.ok).toBe(true);
  expect(r.report.serverVersion).toBe('v1.37.2');
  expect(r.report.dryRun?.serverVersion).toBe('v1.35.4');
  expect(r.report.objects).toBeGreaterThan(40);
  // Every step of the README ran, and each machine holds something of its group.
  expect(r.report.steps.map((s) => s.step)).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^npm run synth -- /),
      expect.stringMatching(/^npm run -s secrets -- /),
      expect.stringMatching(/^sh -n .*prepare-local-volumes\.sh$/),
    ]),
  );
  for (const [node, pods] of Object.entries(r.report.podsPerNode)) {
    if (idle.includes(node)) expect(pods, node).toBe(0);
    else expect(pods, node).toBeGreaterThan(0);
  }
}
