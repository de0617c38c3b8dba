import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { profileOf, synth } from '../helpers/synth';

// The exec probes that look for a process (lib/probes.ts, `running`), run as the kubelet runs
// them: in a POSIX shell (dash, as the images' sh), in a PID namespace of their own (as a
// container's), once with the process they look for and once without. A new PID namespace needs
// root: `unshare --pid --fork --mount-proc`.
const canUnshare = spawnSync('unshare', ['--pid', '--fork', '--mount-proc', 'true']).status === 0;

// kafka-loopback (100k flavour) runs kafkacat (charts/bridges); kafka2ftp (full flavours) runs node app/Index.js.
const PROBED = [
  { out: () => synth(profileOf('100k')), kind: 'StatefulSet', name: 'kafka-loopback', container: 'kafka-loopback', process: 'kafkacat' },
  { out: () => synth(profileOf('default')), kind: 'Deployment', name: 'kafka2ftp', container: 'kafka2ftp', process: 'app/Index.js' },
];

/** The probe's exit status in a fresh PID namespace, with a process whose argv[0] ends in `process`, or none. */
function probeStatus(command: string[], process: string | undefined): number {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dojot-probe-'));
  try {
    const start = process
      ? `mkdir -p "$(dirname "${dir}/${process}")"; ln -s "$(command -v sleep)" "${dir}/${process}"; "${dir}/${process}" 30 &
         until tr '\\0' ' ' < /proc/$!/cmdline | grep -q "${process}"; do sleep 0.01; done;`
      : '';
    const script = `${start} "$@"; echo "status=$?"`;
    const stdout = execFileSync('unshare', ['--pid', '--fork', '--mount-proc', 'dash', '-c', script, 'probe', ...command], {
      encoding: 'utf8',
      timeout: 10_000,
    });
    const status = /status=(\d+)/.exec(stdout);
    if (!status) throw new Error(`no status in ${JSON.stringify(stdout)}`);
    return Number(status[1]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const probesOf = (out: ReturnType<typeof synth>, kind: string, name: string, container: string) => {
  const c = out.find(kind, name).spec.template.spec.containers.find((x: { name: string }) => x.name === container);
  expect(c, `${kind} ${name}: container ${container}`).toBeDefined();
  return (['readinessProbe', 'livenessProbe', 'startupProbe'] as const).map((p) => c[p]?.exec?.command as string[] | undefined);
};

describe.runIf(canUnshare)('a probe that looks for a process', () => {
  it.each(PROBED)('$name: passes with $process running and fails without it', ({ out, kind, name, container, process }) => {
    const commands = probesOf(out(), kind, name, container);
    expect(commands.filter(Boolean).length, 'readiness, liveness and startup').toBe(3);
    for (const command of commands as string[][]) {
      expect(probeStatus(command, process), `${command.join(' ')} with ${process}`).toBe(0);
      expect(probeStatus(command, undefined), `${command.join(' ')} without ${process}`).not.toBe(0);
      expect(probeStatus(command, 'something-else'), `${command.join(' ')} with another process`).not.toBe(0);
    }
  });

  it("would catch a probe that matches its own command line (v0.6.0's form)", () => {
    const selfMatching = ['sh', '-c', "grep -qs 'kafkacat' /proc/[0-9]*/cmdline"];
    expect(probeStatus(selfMatching, undefined)).toBe(0);
  });
});

describe('running a probe that looks for a process', () => {
  it('needs a PID namespace of its own here (root, unshare): otherwise the tests above cannot run', () => {
    expect(canUnshare || process.getuid?.() !== 0).toBe(true);
  });
});
