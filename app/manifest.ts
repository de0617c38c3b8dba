/** One file of the output and the objects it holds. */
export interface Manifest {
  /** Its path in the output folder (`0006-<chart>.k8s.yaml`, `monitoring/...`). */
  readonly file: string;
  readonly objects: readonly Record<string, unknown>[];
}
