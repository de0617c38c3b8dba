import { describe, expect, it } from 'vitest';
import { JOB_PATIENCE_SECONDS, type JobRestartPolicy, backoffLimitFor, retrySeconds } from '../../lib/job-retries';
import { type ManifestObject, profileOf, synth } from '../helpers/synth';

// No Job gives up while what it needs is still starting: its retries, at Kubernetes' own delays,
// last 30 minutes, and no deadline cuts them short.
const OUTPUTS = [
  ['vernemq, InfluxDB', () => synth(profileOf('default', { optional: { influxdb: true, influxdbStorer: true } }))],
  ['100k', () => synth(profileOf('100k'))],
] as const;

/** How long a synthesized Job keeps retrying, in seconds. */
function patience(job: ManifestObject): number {
  const policy = job.spec.template.spec.restartPolicy as JobRestartPolicy;
  expect(['OnFailure', 'Never'], job.metadata.name).toContain(policy);
  const retries = retrySeconds(job.spec.backoffLimit ?? 6, policy);
  return Math.min(retries, job.spec.activeDeadlineSeconds ?? Number.POSITIVE_INFINITY);
}

describe.each(OUTPUTS)('the Jobs, %s', (_, make) => {
  it('keep retrying for 30 minutes', () => {
    const jobs = make().ofKind('Job');
    expect(jobs.length).toBeGreaterThanOrEqual(3);
    for (const job of jobs) expect(patience(job), job.metadata.name).toBeGreaterThanOrEqual(JOB_PATIENCE_SECONDS);
  });
});

describe("Kubernetes' Job backoff (v1.37.2)", () => {
  it('adds up the capped delays: 10 s doubling to 300 s in place, to 600 s for new pods', () => {
    expect(retrySeconds(6, 'OnFailure')).toBe(10 + 20 + 40 + 80 + 160 + 300);
    expect(retrySeconds(8, 'Never')).toBe(10 + 20 + 40 + 80 + 160 + 320 + 600 + 600);
    expect(backoffLimitFor('OnFailure')).toBe(10);
  });

  it("would catch v0.6.0's Jobs: the default 6 restarts, InfluxDB's 3, or a deadline", () => {
    const job = (backoffLimit?: number, activeDeadlineSeconds?: number) =>
      ({
        metadata: { name: 'j' },
        spec: { backoffLimit, activeDeadlineSeconds, template: { spec: { restartPolicy: 'OnFailure' } } },
      }) as never;
    expect(patience(job())).toBeLessThan(JOB_PATIENCE_SECONDS);
    expect(patience(job(3))).toBeLessThan(JOB_PATIENCE_SECONDS);
    expect(patience(job(10, 600))).toBe(600);
  });
});

describe.each(OUTPUTS)('the long-running workloads, %s', (_, make) => {
  it('restart whatever exits while its peers start (restartPolicy Always): the kubelet retries without end, at most 5 minutes apart', () => {
    const workloads = make().objects.filter((o) => ['Deployment', 'StatefulSet', 'DaemonSet'].includes(o.kind));
    expect(workloads.length).toBeGreaterThan(5);
    for (const w of workloads) expect(w.spec.template.spec.restartPolicy ?? 'Always', w.metadata.name).toBe('Always');
  });
});
