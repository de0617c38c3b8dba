import { spawnSync } from 'node:child_process';

/** What one kubectl run returned. */
export interface KubectlResult {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
  /** The API server's warnings (`Warning: ...` lines on standard error). */
  readonly warnings: string[];
}

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

  /** The items of `kubectl get KINDS -A -o json`. */
  list<T>(kinds: string): T[] {
    return JSON.parse(this.ok(['get', kinds, '--all-namespaces', '-o', 'json']).stdout).items as T[];
  }
}
