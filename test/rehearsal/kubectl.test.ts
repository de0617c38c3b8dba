import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Kubectl } from '../../rehearsal/kubectl';
import { tempDir } from '../helpers/temp';

/** A stand-in for kubectl that answers `wait` with each of `answers` in turn (exit status and standard error), and logs its calls. */
function fakeKubectl(answers: readonly [status: number, stderr: string][]) {
  const dir = tempDir();
  const calls = path.join(dir, 'calls');
  const script = path.join(dir, 'kubectl');
  const cases = answers.map(([status, stderr], i) => `  ${i + 1}) echo '${stderr}' >&2; exit ${status} ;;`).join('\n');
  fs.writeFileSync(script, `#!/bin/sh\necho "$*" >> '${calls}'\nn=$(wc -l < '${calls}')\ncase $n in\n${cases}\n  *) exit 0 ;;\nesac\n`, {
    mode: 0o755,
  });
  return { kubectl: new Kubectl(script, path.join(dir, 'kubeconfig')), calls: () => fs.readFileSync(calls, 'utf8').trim().split('\n') };
}

const NO_CONDITIONS = '.status.conditions accessor error: <nil> is of the type <nil>, expected []interface{}';

describe("waiting for the CRDs (kubectl wait's own words)", () => {
  it('tries again while a CRD has no conditions yet, and succeeds once kubectl does', () => {
    const { kubectl, calls } = fakeKubectl([
      [1, NO_CONDITIONS],
      [1, NO_CONDITIONS],
      [0, ''],
    ]);
    expect(kubectl.waitForCrds(30).status).toBe(0);
    expect(calls()).toHaveLength(3);
    expect(calls()[0]).toMatch(/wait --for=condition=Established crd --all --timeout=\d+s$/);
  });

  it("gives up on any other error at once, in kubectl's words", () => {
    const { kubectl, calls } = fakeKubectl([[1, 'error: timed out waiting for the condition on customresourcedefinitions/x']]);
    const r = kubectl.waitForCrds(30);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('timed out waiting');
    expect(calls()).toHaveLength(1);
  });

  it('gives up on the missing conditions too, once its time is up', () => {
    const { kubectl, calls } = fakeKubectl(Array.from({ length: 10 }, () => [1, NO_CONDITIONS] as [number, string]));
    const r = kubectl.waitForCrds(0.5);
    expect(r.status).toBe(1);
    expect(calls().length).toBeGreaterThanOrEqual(1);
    expect(calls().length).toBeLessThanOrEqual(6);
  });
});
