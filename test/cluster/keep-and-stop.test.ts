import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { isRunning } from '../../rehearsal/processes';
import { GUIDE, rehearse } from './helpers/rehearse';

describe('npm run rehearse -- --keep, then --stop', () => {
  it('leaves a control plane where kubectl shows every pod Running and Ready on its group and every claim Bound; --stop ends it all', async () => {
    // A temporary folder of its own: --stop ends every rehearsal under it, and others run beside this one.
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dojot-keep-'));
    const r = await rehearse([...GUIDE, '--flavour', 'vernemq', '--keep'], { TMPDIR: tmp });
    expect(r.status, r.stderr).toBe(0);
    const kubeconfig = /^KUBECONFIG=(.+)$/m.exec(r.stdout)?.[1];
    expect(kubeconfig, r.stdout).toBe(path.join(r.report.folder, 'admin.kubeconfig'));
    expect(r.stderr).toContain('stop it with: npm run rehearse -- --stop');

    const kubectl = (...args: string[]) =>
      spawnSync(path.join(inject('controlPlaneBin'), 'kubectl'), [`--kubeconfig=${kubeconfig}`, ...args], { encoding: 'utf8' });
    const pods = JSON.parse(kubectl('get', 'pods', '-n', 'dojot', '-o', 'json').stdout).items;
    expect(pods.length).toBeGreaterThan(40);
    for (const p of pods) {
      const job = (p.metadata.ownerReferences ?? []).some((o: { kind: string }) => o.kind === 'Job');
      if (job) expect(p.status.phase, p.metadata.name).toBe('Succeeded');
      else
        expect([p.status.phase, p.status.conditions.find((c: { type: string }) => c.type === 'Ready')?.status], p.metadata.name).toEqual([
          'Running',
          'True',
        ]);
    }
    const claims = JSON.parse(kubectl('get', 'pvc', '-n', 'dojot', '-o', 'json').stdout).items;
    expect(claims.length).toBeGreaterThan(5);
    for (const c of claims) expect(c.status.phase, c.metadata.name).toBe('Bound');

    const processes = JSON.parse(fs.readFileSync(path.join(r.report.folder, 'control-plane.json'), 'utf8')).processes;
    expect(processes.map((p: { name: string }) => p.name)).toEqual([
      'etcd',
      'kube-apiserver',
      'kube-controller-manager',
      'kube-scheduler',
      'kwok',
    ]);
    expect(processes.every(isRunning)).toBe(true);

    const stop = spawnSync('npm', ['run', '-s', 'rehearse', '--', '--stop'], {
      cwd: path.join(__dirname, '..', '..'),
      encoding: 'utf8',
      env: { ...process.env, TMPDIR: tmp },
    });
    expect(stop.status, stop.stderr).toBe(0);
    expect(stop.stderr).toMatch(/^stopped 1 control plane \(\d+ processes\)$/m);
    expect(processes.some(isRunning)).toBe(false);
    expect(fs.existsSync(r.report.folder)).toBe(false);
  });
});
