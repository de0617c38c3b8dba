import * as fs from 'node:fs';
import * as os from 'node:os';
import { describe, expect, it } from 'vitest';
import { rehearseCommand } from '../../rehearsal/rehearse-command';
import { tempDir } from '../helpers/temp';

// What npm run rehearse refuses before it builds or starts anything.
async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  // Its folders go to a temporary folder of this test's own: what is left there is what it left.
  const tmp = tempDir();
  const saved = process.env.TMPDIR;
  process.env.TMPDIR = tmp;
  try {
    expect(os.tmpdir()).toBe(tmp);
    const status = await rehearseCommand(argv, {}, { out: (l) => out.push(l), err: (l) => err.push(l) });
    return { status, out, err, left: fs.readdirSync(tmp) };
  } finally {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
  }
}

const GUIDE = ['--profile', '100k', '--inventory', 'examples/guide-100k'];

describe('npm run rehearse, refusing in one line', () => {
  it('an --upgrade-from that is neither an output folder nor git:<ref>, leaving no folder behind', async () => {
    const notOutput = tempDir();
    const r = await run([...GUIDE, '--upgrade-from', notOutput, '--bin', '/nonexistent']);
    expect(r.status).toBe(1);
    expect(r.err).toEqual([
      `error: --upgrade-from ${notOutput}: not an output folder (npm run synth -- --out DIR) or git:<ref> (that ref's committed dist/)`,
    ]);
    expect(r.left).toEqual([]);
  });

  it('a git:<ref> git does not know', async () => {
    const r = await run([...GUIDE, '--upgrade-from', 'git:no-such-ref-here', '--bin', '/nonexistent']);
    expect(r.status).toBe(1);
    expect(r.err).toEqual(["error: --upgrade-from git:no-such-ref-here: git knows no revision 'no-such-ref-here' here"]);
  });

  it('a --bin without the binaries, naming them', async () => {
    const r = await run([...GUIDE, '--bin', tempDir()]);
    expect(r.status).toBe(1);
    expect(r.err[0]).toMatch(
      /^error: --bin .*: etcd, kube-apiserver, kube-controller-manager, kube-scheduler, kubectl, kwok missing or not executable there$/,
    );
    expect(r.left).toEqual([]);
  });

  it('a timeout out of range, as a usage error', async () => {
    const r = await run([...GUIDE, '--timeout', '5']);
    expect(r.status).toBe(2);
    expect(r.err).toEqual(["error: --timeout must be a whole number of seconds from 10 to 3600, got '5'"]);
  });
});
