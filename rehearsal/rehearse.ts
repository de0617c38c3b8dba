import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as YAML from 'yaml';
import type { ProfileInputs } from '../profile/load';
import type { Placement } from '../profile/types';
import { NODE_GROUP_LABEL } from '../lib/placement';
import { type Failure, ambiguousClaims, clusterFailures, missingObjects } from './assertions';
import { type ClusterState, type Obj, readClusterState } from './cluster-state';
import { type ControlPlane, startApiServer, startControlPlane } from './control-plane';
import { type DeployStep, classifySteps, readmeDeploySteps } from './deploy-steps';
import { Kubectl, type KubectlResult } from './kubectl';
import type { NodeObject } from './nodes';
import { APPLIED_FOLDERS, objectsIn } from './output';
import { sleep } from './processes';
import { type DryRunResult, dryRun, oldestApiServer } from './dry-run';
import { type DrainResult, drainNode, nodesToDrain } from './drain';
import {
  type ExplainedRefusal,
  type UpgradeRefusal,
  type UpgradeResult,
  deleteArguments,
  explainRefusals,
  missingSecrets,
  procedureCommand,
  refusalsIn,
  upgradeDiff,
} from './upgrade';
import type { ObjectChange } from '../app/diff/object-diff';

const ROOT = path.join(__dirname, '..');
/** The CRDs of the Prometheus operator and Argo CD, where the project's shared folder has them. */
export const SHARED_CRDS = path.join(ROOT, '..', 'shared', 'kubernetes-schemas', 'crds');

export interface RehearsalOptions {
  readonly inputs: ProfileInputs;
  /** The Nodes to create (from the profile, or from --nodes-from). */
  readonly nodes: readonly NodeObject[];
  /** The placement the output's pods must honour (the output's profile). */
  readonly placement: Placement;
  readonly bin: string;
  /** The rehearsal's own folder: the control plane's files and the output. */
  readonly dir: string;
  /** More manifests, applied after the output and checked with it. */
  readonly extra?: string;
  /** After the deploy, drain one node of each group in turn (and uncordon it). */
  readonly drain?: boolean;
  /** An earlier output folder, deployed first; then the current output is applied over it. */
  readonly upgradeFrom?: string;
  /** The bound of each drain, in seconds. @default DRAIN_TIMEOUT_S */
  readonly drainTimeoutS?: number;
  readonly timeoutMs: number;
  readonly log: (line: string) => void;
}

/** One deploy step as it ran. */
export interface StepResult {
  readonly step: string;
  readonly ok: boolean;
  readonly detail?: string;
}

/** What a rehearsal found. */
export interface RehearsalResult {
  readonly ok: boolean;
  readonly serverVersion?: string;
  readonly steps: readonly StepResult[];
  readonly nodes: readonly { name: string; group: string; cpu: string; memory: string }[];
  readonly objects: number;
  readonly podsPerNode: Readonly<Record<string, number>>;
  readonly warnings: readonly { message: string; count: number }[];
  readonly failures: readonly Failure[];
  /** The controllers' and the scheduler's Warning events, even those they recovered from (an object applied before what it needs). */
  readonly events: readonly { object: string; reason: string; message: string; count: number }[];
  readonly seconds: {
    readonly controlPlane: number;
    readonly deploy: number;
    readonly settle: number;
    readonly checks: number;
    readonly dryRun: number;
  };
  /** The upgrade, with --upgrade-from: what npm run diff said and what the API server refused. */
  readonly upgrade?: UpgradeResult;
  /** The drains, with --drain. */
  readonly drains?: readonly DrainResult[];
  /** The server-side dry run on the oldest supported release, when its API server is in the bin folder. */
  readonly dryRun?: Omit<DryRunResult, 'failures'>;
  /** The running control plane, when the rehearsal got that far. */
  readonly controlPlane?: ControlPlane;
}

/** Synth's flags, as the rehearsal passes them to synth and to npm run secrets. */
export function inputFlags(inputs: ProfileInputs): string[] {
  return (['profile', 'inventory', 'flavour'] as const).flatMap((k) => (inputs[k] === undefined ? [] : [`--${k}`, inputs[k] as string]));
}

/** kubectl's standard error without the API server's warnings (the summary counts those). */
const withoutWarnings = (stderr: string) =>
  stderr
    .split('\n')
    .filter((l) => l && !l.startsWith('Warning: '))
    .join('\n')
    .trim();

/** npm, as the README's steps run it, from the project's folder. */
function npm(args: readonly string[], env: NodeJS.ProcessEnv = {}) {
  return spawnSync('npm', args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, ...env } });
}

/**
 * Starts a control plane in `options.dir`, creates the Nodes, runs the README's deploy steps in
 * their order against it, applies the CRDs with `monitoring/` and `argocd/`, waits (bounded) for
 * the controllers, the scheduler and kwok, and asserts. The control plane is left running for the
 * caller to stop or keep.
 */
export async function rehearse(options: RehearsalOptions): Promise<RehearsalResult> {
  const { log } = options;
  const began = Date.now();
  // The oldest supported release's API server starts beside the control plane, for the dry run at the end.
  const oldest = oldestApiServer(options.bin);
  const oldestServer = oldest && startApiServer(path.join(options.dir, 'oldest'), options.bin, oldest.binary);
  oldestServer?.catch(() => undefined);
  const controlPlane = await startControlPlane(options.dir, options.bin);
  const kubectl = new Kubectl(controlPlane.kubectl, controlPlane.kubeconfig);
  const started = Date.now();
  const serverVersion = JSON.parse(kubectl.ok(['version', '-o', 'json']).stdout).serverVersion?.gitVersion as string | undefined;
  log(`control plane ${serverVersion} up in ${((started - began) / 1000).toFixed(1)} s (${controlPlane.dir})`);

  const warnings = new Map<string, number>();
  const steps: StepResult[] = [];
  const failures: Failure[] = [];
  const record = (step: string, r: { status: number; stderr: string; warnings?: string[] }) => {
    for (const w of r.warnings ?? []) warnings.set(w, (warnings.get(w) ?? 0) + 1);
    const ok = r.status === 0;
    const detail = ok ? undefined : withoutWarnings(r.stderr).split('\n').join('; ');
    steps.push({ step, ok, detail });
    log(`${ok ? 'ok' : 'FAILED'}: ${step}${detail ? `: ${detail}` : ''}`);
    if (!ok) failures.push({ object: `step '${step}'`, message: detail ?? `exit ${r.status}` });
    return ok;
  };

  record('create the Nodes', kubectl.run(['create', '-f', '-'], JSON.stringify({ apiVersion: 'v1', kind: 'List', items: options.nodes })));

  const out = path.join(options.dir, 'dist');
  const flags = inputFlags(options.inputs);
  const steps_ = classifySteps(readmeDeploySteps());

  let upgradeChanges: readonly ObjectChange[] = [];
  // An upgrade: the earlier output first, deployed by the same steps (its own synth aside), and settled.
  let upgrade: UpgradeResult | undefined;
  if (options.upgradeFrom) {
    const earlier = options.upgradeFrom;
    for (const step of steps_) runStep(step, earlier, 'earlier');
    applyCustomResourceFolders(kubectl, earlier, record, log);
    const before = await settle(kubectl, options.placement, options.timeoutMs, minReadySeconds(earlier));
    failures.push(
      ...clusterFailures(before.state, options.placement).map((f) => ({ ...f, message: `before the upgrade (${earlier}): ${f.message}` })),
    );
    log(`${before.done ? 'ok' : 'FAILED'}: the earlier output ${earlier} deployed`);
  }
  for (const step of steps_) runStep(step, out, options.upgradeFrom ? 'upgrade' : 'fresh');

  function runStep(step: DeployStep, folder: string, phase: 'fresh' | 'earlier' | 'upgrade'): void {
    const shown = (line: string) => line.replace(/(^| )dist(\/|$)/g, `$1${folder}$2`);
    switch (step.kind) {
      case 'synth': {
        if (phase === 'earlier') {
          steps.push({ step: `${step.line} (not run: the earlier output is ${folder})`, ok: true });
          return;
        }
        const r = npm(['run', '-s', 'synth', '--', ...flags, '--out', out], { CDK8S_OUTDIR: path.join(options.dir, 'scratch') });
        if (!record(`npm run synth -- ${[...flags, '--out', out].join(' ')}`, { status: r.status ?? 1, stderr: r.stderr })) return;
        if (phase === 'upgrade' && options.upgradeFrom) {
          const diff = upgradeDiff(options.upgradeFrom, out);
          upgrade = {
            from: options.upgradeFrom,
            diff: diff.text,
            notInPlace: diff.changes.filter((c) => c.immutable.length).map((c) => c.id),
            refusals: [],
            removed: [],
          };
          steps.push({ step: `npm run diff -- --from ${options.upgradeFrom} --to ${out}: ${diff.text[diff.text.length - 1]}`, ok: true });
          upgradeChanges = diff.changes;
        }
        return;
      }
      case 'secrets': {
        const secrets = npm(['run', '-s', 'secrets', '--', ...flags]);
        if (!record(`npm run -s secrets -- ${flags.join(' ')}`, { status: secrets.status ?? 1, stderr: secrets.stderr })) return;
        if (phase === 'upgrade') {
          // "Once": the Secrets of the earlier deploy stay; only those it lacks are added.
          const missing = missingSecrets(kubectl, secrets.stdout);
          if (!missing.length) {
            steps.push({ step: 'kubectl apply -f - (the Secrets): not run, every one is there from the earlier deploy', ok: true });
            return;
          }
          record(
            `kubectl apply -f - (the Secrets the earlier deploy lacks: ${missing.map((m) => m.metadata.name).join(', ')})`,
            kubectl.run(['apply', '-f', '-'], missing.map((m) => YAML.stringify(m)).join('---\n')),
          );
          return;
        }
        record('kubectl apply -f - (the Secrets)', kubectl.run(['apply', '-f', '-'], secrets.stdout));
        return;
      }
      case 'apply': {
        const target = path.join(folder, step.file);
        const r = kubectl.run(['apply', '-f', target]);
        const refused =
          phase === 'upgrade' && r.status !== 0 ? explainRefusals(refusalsIn(r.stderr, objectsIn(target)), upgradeChanges) : [];
        if (!refused.length) {
          record(shown(step.line), r);
          return;
        }
        upgradeRefused(shown(step.line), target, r, refused);
        return;
      }
      case 'host-directories': {
        // Not run: it creates directories on a node. Its syntax is checked.
        const script = path.join(folder, step.script);
        if (!fs.existsSync(script)) {
          steps.push({ step: `${step.line} (skipped: this output has no local volumes)`, ok: true });
          return;
        }
        const r = spawnSync('sh', ['-n', script], { encoding: 'utf8' });
        record(`sh -n ${script}`, { status: r.status ?? 1, stderr: r.stderr });
      }
    }
  }

  /**
   * An apply of the upgrade that the API server partly refused: each refusal must be one `npm run
   * diff` listed as not changeable in place; its procedure runs as printed, then the apply again.
   */
  function upgradeRefused(line: string, target: string, first: KubectlResult, refused: readonly ExplainedRefusal[]): void {
    for (const w of first.warnings) warnings.set(w, (warnings.get(w) ?? 0) + 1);
    const unexplained = refused.filter((x) => !x.predicted);
    steps.push({ step: `${line} (refused in place: ${refused.map((x) => x.id).join(', ')})`, ok: unexplained.length === 0 });
    for (const x of unexplained) {
      failures.push({
        object: x.id,
        message: `the API server refused the upgrade (${x.message}), and npm run diff did not list it as impossible in place`,
      });
    }
    const outcomes: UpgradeRefusal[] = [];
    for (const x of refused) {
      const command = x.predicted && x.procedure ? procedureCommand(x.procedure) : undefined;
      if (x.predicted && !command)
        failures.push({ object: x.id, message: `npm run diff's procedure is not a command to run: ${x.procedure}` });
      const ran = command ? record(`kubectl ${command.join(' ')} (npm run diff's procedure for ${x.id})`, kubectl.run(command)) : false;
      outcomes.push({ ...x, procedureRan: ran });
    }
    upgrade?.refusals.push(...outcomes);
    if (unexplained.length) return;
    record(`${line} (again, after the procedures)`, kubectl.run(['apply', '-f', target]));
  }

  if (upgrade) {
    // kubectl apply leaves what the new output no longer has: npm run diff's removed objects go.
    for (const c of upgradeChanges.filter((x) => x.type === 'removed')) {
      if (record(`kubectl ${deleteArguments(c.id).join(' ')} (npm run diff: removed)`, kubectl.run(deleteArguments(c.id))))
        upgrade.removed.push(c.id);
    }
  }

  if (options.extra) record(`kubectl apply -f ${options.extra}`, kubectl.run(['apply', '-f', options.extra]));
  applyCustomResourceFolders(kubectl, out, record, log);
  const deployed = Date.now();

  // Wait until every assertion holds, or nothing has changed for a while, or the time is up.
  const state = await settle(kubectl, options.placement, options.timeoutMs, minReadySeconds(out));
  const settled = Date.now();
  failures.push(...clusterFailures(state.state, options.placement));
  if (!state.done) log(`the cluster ${state.timedOut ? `did not settle within ${options.timeoutMs / 1000} s` : 'settled with failures'}`);

  const output = APPLIED_FOLDERS.flatMap((f) => objectsIn(path.join(out, f)));
  const extra = options.extra ? objectsIn(options.extra) : [];
  failures.push(
    ...missingObjects(
      [...output, ...extra],
      foundObjects(kubectl, [...APPLIED_FOLDERS.map((f) => path.join(out, f)), ...(options.extra ? [options.extra] : [])]),
    ),
  );
  failures.push(
    ...ambiguousClaims(
      state.state,
      [...output, ...extra].filter((o) => o.kind === 'PersistentVolume'),
    ),
  );

  // A second apply changes nothing: the output is what the API server keeps.
  const diff = kubectl.run(['diff', '-f', out]);
  if (diff.status !== 0) {
    failures.push({
      object: `kubectl diff -f ${out}`,
      message:
        diff.status === 1 ? `differs after the apply:\n${diff.stdout.split('\n').slice(0, 40).join('\n')}` : withoutWarnings(diff.stderr),
    });
  }

  // Maintenance: one node of each group drained in turn, then uncordoned; the platform must come back whole.
  let drains: DrainResult[] | undefined;
  if (options.drain) {
    drains = [];
    const minReady = minReadySeconds(out);
    for (const node of nodesToDrain(options.nodes)) {
      const { result, failures: blocked } = await drainNode(
        kubectl,
        node,
        () => readClusterState(kubectl),
        async () => {
          await sleep(2000);
          return (await settle(kubectl, options.placement, options.timeoutMs, minReady, true, 6_000)).state;
        },
        options.drainTimeoutS,
      );
      drains.push(result);
      failures.push(...blocked);
      log(
        `${result.completed ? 'ok' : 'FAILED'}: kubectl drain ${node.metadata.name} (${result.seconds.toFixed(1)} s): ${result.evicted.length} evicted, ${result.rescheduled.length} rescheduled, ${result.pending.length} Pending, ${result.movedClaims.length} claims on another machine`,
      );
      const back = await settle(kubectl, options.placement, options.timeoutMs, minReady);
      failures.push(
        ...clusterFailures(back.state, options.placement).map((f) => ({
          ...f,
          message: `after uncordoning ${node.metadata.name}: ${f.message}`,
        })),
      );
    }
  }

  const checked = Date.now();
  // The same output, admitted by the oldest supported release's API server (validation and admission only).
  let dry: DryRunResult | undefined;
  if (oldestServer) {
    dry = await dryRun(await oldestServer, out, fs.existsSync(SHARED_CRDS) ? SHARED_CRDS : undefined, options.extra);
    failures.push(...dry.failures);
    log(`${dry.failures.length ? 'FAILED' : 'ok'}: kubectl apply --dry-run=server on ${dry.serverVersion}`);
  } else {
    log(`note: ${options.bin} has no kube-apiserver-<version> of the oldest supported release, so no dry run on it`);
  }

  return {
    ok: failures.length === 0,
    upgrade,
    drains,
    dryRun: dry && { serverVersion: dry.serverVersion, warnings: dry.warnings },
    serverVersion,
    steps,
    nodes: options.nodes.map((n) => ({
      name: n.metadata.name,
      group: n.metadata.labels[NODE_GROUP_LABEL],
      cpu: n.status.allocatable.cpu,
      memory: n.status.allocatable.memory,
    })),
    objects: output.length + extra.length,
    podsPerNode: podsPerNode(state.state),
    warnings: [...warnings]
      .map(([message, count]) => ({ message, count }))
      .sort((a, b) => b.count - a.count || a.message.localeCompare(b.message)),
    failures,
    events: state.state.events.map((e) => ({
      object: `${e.involvedObject?.kind} ${e.involvedObject?.namespace ? `${e.involvedObject.namespace}/` : ''}${e.involvedObject?.name}`,
      reason: e.reason,
      message: e.message,
      count: e.count ?? e.series?.count ?? 1,
    })),
    seconds: {
      controlPlane: (started - began) / 1000,
      deploy: (deployed - started) / 1000,
      settle: (settled - deployed) / 1000,
      checks: (checked - settled) / 1000,
      dryRun: (Date.now() - checked) / 1000,
    },
    controlPlane,
  };
}

/**
 * The CRDs (Prometheus operator's, Argo CD's) from the shared folder, then `monitoring/` and
 * `argocd/` of the output, in namespaces that Helm's and Argo CD's own installs would have made.
 */
function applyCustomResourceFolders(
  kubectl: Kubectl,
  out: string,
  record: (step: string, r: { status: number; stderr: string; warnings?: string[] }) => boolean,
  log: (line: string) => void,
): void {
  const folders = ['monitoring', 'argocd'].map((f) => path.join(out, f)).filter((f) => objectsIn(f).length > 0);
  if (!folders.length) return;
  if (!fs.existsSync(SHARED_CRDS)) {
    log(
      `note: ${SHARED_CRDS} is not there, so ${folders.map((f) => path.relative(out, f)).join(' and ')} cannot be applied (their CRDs are missing)`,
    );
    return;
  }
  // Server-side: some CRDs are larger than the last-applied annotation allows.
  if (!record(`kubectl apply --server-side -f ${SHARED_CRDS}`, kubectl.run(['apply', '--server-side', '-f', SHARED_CRDS]))) return;
  record('kubectl wait --for=condition=Established crd --all', kubectl.waitForCrds());
  for (const folder of folders) {
    const namespaces = [
      ...new Set(
        objectsIn(folder)
          .map((o) => o.metadata?.namespace)
          .filter(Boolean),
      ),
    ] as string[];
    for (const ns of namespaces) {
      if (kubectl.run(['get', 'namespace', ns]).status !== 0)
        record(`kubectl create namespace ${ns} (as its stack's install would)`, kubectl.run(['create', 'namespace', ns]));
    }
    record(`kubectl apply -f ${folder}`, kubectl.run(['apply', '-f', folder]));
  }
}

/** The longest minReadySeconds of the output's workloads: no availability comes sooner. */
function minReadySeconds(out: string): number {
  return Math.max(0, ...objectsIn(out).map((o) => Number(o.spec?.minReadySeconds ?? 0)));
}

/**
 * Polls until every assertion holds, the failures stay the same for a while, or the time is up.
 * `untilStable`: even when every assertion holds, until nothing has changed for `quietMs` (after
 * a drain, the controllers have not yet noticed what went).
 */
async function settle(
  kubectl: Kubectl,
  placement: Placement,
  timeoutMs: number,
  minReady: number,
  untilStable = false,
  quietMs = Math.max(12_000, (minReady + 10) * 1000),
) {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  let since = Date.now();
  for (;;) {
    const state = readClusterState(kubectl);
    const failures = clusterFailures(state, placement);
    if (!failures.length && !untilStable) return { state, done: true, timedOut: false };
    const fingerprint = JSON.stringify(failures);
    if (fingerprint !== last) {
      last = fingerprint;
      since = Date.now();
    }
    if (Date.now() - since > quietMs) return { state, done: !failures.length, timedOut: false };
    if (Date.now() > deadline) return { state, done: false, timedOut: true };
    await sleep(1000);
  }
}

/** The objects of these manifest files and folders that the API server has. */
function foundObjects(kubectl: Kubectl, targets: readonly string[]): Obj[] {
  return targets
    .filter((f) => objectsIn(f).length > 0)
    .flatMap((f) => {
      const r = kubectl.run(['get', '-f', f, '--ignore-not-found', '-o', 'json']);
      if (r.status !== 0 || !r.stdout.trim()) return [];
      const parsed = JSON.parse(r.stdout);
      return (parsed.kind === 'List' ? parsed.items : [parsed]) as Obj[];
    });
}

function podsPerNode(state: ClusterState): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const n of state.nodes) counts[n.metadata.name] = 0;
  for (const p of state.pods) if (p.spec.nodeName) counts[p.spec.nodeName] = (counts[p.spec.nodeName] ?? 0) + 1;
  return counts;
}
