import { spawnSync } from 'node:child_process';

/** What one kubectl run returned. */
export interface KubectlResult {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
  /** The API server's warnings (`Warning: ...` lines on standard error). */
  readonly warnings: string[];
}

/** A pause for a synchronous retry. */
const PAUSE = new Int32Array(new SharedArrayBuffer(4));

/** kubectl against one control plane: the binary and the administrator's kubeconfig. */
export class Kubectl {
  constructor(
    readonly binary: string,
    readonly kubeconfig: string,
  ) {}

  run(args: readonly string[], input?: string): KubectlResult {
    const r = spawnSync(this.binary, [`--kubeconfig=${this.kubeconfig}`, ...args], {
      input,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      env: { ...process.env, KUBECONFIG: this.kubeconfig },
    });
    if (r.error) throw new Error(`kubectl ${args.join(' ')}: ${r.error.message}`);
    const stderr = r.stderr ?? '';
    const warnings = stderr
      .split('\n')
      .filter((l) => l.startsWith('Warning: '))
      .map((l) => l.slice('Warning: '.length));
    return { status: r.status ?? 1, stdout: r.stdout ?? '', stderr, warnings };
  }

  /** Runs and throws with kubectl's own message unless it succeeded. */
  ok(args: readonly string[], input?: string): KubectlResult {
    const r = this.run(args, input);
    if (r.status !== 0) throw new Error(`kubectl ${args.join(' ')} failed: ${r.stderr.trim() || r.stdout.trim()}`);
    return r;
  }

  /**
   * `kubectl wait --for=condition=Established crd --all`, bounded, and again while a CRD has no
   * conditions yet: kubectl does not wait for those, it fails at once (`.status.conditions accessor
   * error: <nil> is of the type <nil>`), as a just-applied CRD's status can still be empty.
   */
  waitForCrds(timeoutS = 60): KubectlResult {
    const deadline = Date.now() + timeoutS * 1000;
    for (;;) {
      const left = Math.max(1, Math.ceil((deadline - Date.now()) / 1000));
      const r = this.run(['wait', '--for=condition=Established', 'crd', '--all', `--timeout=${left}s`]);
      if (r.status === 0 || !r.stderr.includes('accessor error') || Date.now() >= deadline) return r;
      Atomics.wait(PAUSE, 0, 0, 250);
    }
  }

  /** The items of `kubectl get KINDS -A -o json`. */
  list<T>(kinds: string): T[] {
    return JSON.parse(this.ok(['get', kinds, '--all-namespaces', '-o', 'json']).stdout).items as T[];
  }
}
