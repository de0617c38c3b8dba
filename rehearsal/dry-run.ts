import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Failure } from './assertions';
import type { ApiServer } from './control-plane';
import { Kubectl, type KubectlResult } from './kubectl';
import { APPLIED_FOLDERS, objectsIn } from './output';
import { stopProcesses } from './processes';

/** The oldest supported release's API server in a bin folder (`kube-apiserver-1.35.4`), if it is there. */
export function oldestApiServer(bin: string): { binary: string; version: string } | undefined {
  const name = fs
    .readdirSync(bin)
    .filter((f) => /^kube-apiserver-\d+\.\d+\.\d+$/.test(f))
    .sort()[0];
  return name ? { binary: path.join(bin, name), version: `v${name.slice('kube-apiserver-'.length)}` } : undefined;
}

/** What a server-side dry run found. */
export interface DryRunResult {
  readonly serverVersion: string;
  readonly warnings: readonly string[];
  readonly failures: readonly Failure[];
}

/**
 * `kubectl apply --dry-run=server` of every folder of an output (and the extra manifests) against
 * another release's API server (etcd and kube-apiserver alone: startApiServer): its validation,
 * defaulting and admission, with no controller. The namespaces and the CRDs are created for real
 * first, as the deploy steps do. The server is stopped afterwards.
 */
export async function dryRun(server: ApiServer, out: string, crds: string | undefined, extra?: string): Promise<DryRunResult> {
  try {
    const kubectl = new Kubectl(server.kubectl, server.kubeconfig);
    const serverVersion = JSON.parse(kubectl.ok(['version', '-o', 'json']).stdout).serverVersion?.gitVersion as string;
    const warnings: string[] = [];
    const failures: Failure[] = [];
    const run = (what: string, args: string[], input?: string) => record(what, kubectl.run(args, input));
    const record = (what: string, r: KubectlResult) => {
      warnings.push(...r.warnings);
      if (r.status !== 0)
        failures.push({
          object: `${what} on ${serverVersion}`,
          message: r.stderr
            .split('\n')
            .filter((l) => l && !l.startsWith('Warning: '))
            .join('; '),
        });
    };
    // What the output's namespaced objects need to exist: their namespaces, and the CRDs.
    const targets = [...APPLIED_FOLDERS.map((f) => path.join(out, f)), ...(extra ? [extra] : [])];
    const objects = targets.flatMap((f) => objectsIn(f));
    const own = objects.filter((o) => o.kind === 'Namespace');
    if (own.length)
      run('kubectl apply -f - (the Namespaces)', ['apply', '-f', '-'], JSON.stringify({ apiVersion: 'v1', kind: 'List', items: own }));
    const others = new Set(objects.map((o) => o.metadata?.namespace).filter((ns) => ns && !own.some((n) => n.metadata.name === ns)));
    for (const ns of others) run(`kubectl create namespace ${ns}`, ['create', 'namespace', ns]);
    const folders = targets.filter((f) => objectsIn(f).length > 0);
    const custom = folders.filter((f) => f !== out && f !== extra);
    if (crds && custom.length) {
      run(`kubectl apply --server-side -f ${crds}`, ['apply', '--server-side', '-f', crds]);
      record('kubectl wait --for=condition=Established crd --all', kubectl.waitForCrds());
    }
    for (const folder of folders.filter((f) => crds || !custom.includes(f)))
      run(`kubectl apply --dry-run=server -f ${folder}`, ['apply', '--dry-run=server', '-f', folder]);
    return { serverVersion, warnings, failures };
  } finally {
    await stopProcesses(server.processes);
  }
}
