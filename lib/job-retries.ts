/**
 * How long a Job keeps retrying, from Kubernetes v1.37.2's own delays. A Job whose pods restart
 * in place (`restartPolicy: OnFailure`) fails once its containers' restarts pass `backoffLimit`
 * (pkg/controller/job/job_controller.go, `pastBackoffLimitOnFailure`), and the kubelet waits
 * 10 s before the first restart, doubling to 300 s (pkg/kubelet/kubelet.go, `initialCrashLoopBackOff`,
 * `MaxContainerBackOff`). With `Never`, the Job controller waits 10 s before a new pod, doubling
 * to 10 min (`DefaultJobPodFailureBackOff`, `MaxJobPodFailureBackOff`).
 */
const DELAYS = {
  OnFailure: { first: 10, max: 300 },
  Never: { first: 10, max: 600 },
} as const;

export type JobRestartPolicy = keyof typeof DELAYS;

/** The seconds a Job waits between its failures, in all, before it fails for good. */
export function retrySeconds(backoffLimit: number, policy: JobRestartPolicy): number {
  const { first, max } = DELAYS[policy];
  let total = 0;
  for (let n = 0; n < backoffLimit; n++) total += Math.min(first * 2 ** n, max);
  return total;
}

/** How long a Job must keep retrying while what it needs starts: a platform whose data store takes this long still ends complete. */
export const JOB_PATIENCE_SECONDS = 30 * 60;

/** The smallest `backoffLimit` whose retries last `seconds`. */
export function backoffLimitFor(policy: JobRestartPolicy, seconds = JOB_PATIENCE_SECONDS): number {
  let limit = 0;
  while (retrySeconds(limit, policy) < seconds) limit++;
  return limit;
}
