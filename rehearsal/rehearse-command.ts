import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type Option, UsageError, errorText, parseArguments, usage } from '../app/arguments';
import type { CommandOutput } from '../app/synth-command';
import { loadSettings } from '../app/settings';
import { ProfileError } from '../profile/problems';
import { BINARIES, STATE_FILE } from './control-plane';
import { DRAIN_TIMEOUT_S } from './drain';
import { NoMachinesError, type NodeObject, nodesOf } from './nodes';
import { type StartedProcess, stopProcesses } from './processes';
import { type RehearsalResult, rehearse } from './rehearse';
import { UPGRADE_SOURCES, UpgradeSourceError, earlierOutputFolder } from './upgrade';

const OWN: readonly Option[] = [
  { flag: '--nodes-from', value: 'P', help: "make the Nodes from this profile's machines and labels instead (with the same inventory)" },
  {
    flag: '--bin',
    value: 'DIR',
    help: 'take etcd, kube-apiserver, kube-controller-manager, kube-scheduler, kubectl and kwok from DIR instead of building them',
  },
  { flag: '--report', value: 'FILE', help: 'also write the results as JSON to FILE' },
  { flag: '--extra', value: 'FILE', help: 'more manifests (a file or folder) applied after the output and checked with it' },
  { flag: '--upgrade-from', value: 'SRC', help: `deploy this earlier output first, ${UPGRADE_SOURCES}, then the current one over it` },
  { flag: '--timeout', value: 'SECONDS', help: 'how long to wait for the cluster to settle (default 180)' },
  { flag: '--drain-timeout', value: 'SECONDS', help: `with --drain, how long each kubectl drain may take (default ${DRAIN_TIMEOUT_S})` },
];
const SWITCHES: readonly Option[] = [
  { flag: '--keep', value: '', help: 'leave the control plane running and print its KUBECONFIG' },
  {
    flag: '--drain',
    value: '',
    help: 'after the deploy, drain one node of each group in turn with kubectl drain, report what moved, uncordon it',
  },
  { flag: '--stop', value: '', help: 'end every control plane a kept rehearsal left running' },
];
export const REHEARSE_USAGE = usage('npm run rehearse --', OWN, SWITCHES);

/** Where rehearsals keep their folders: one `dojot-rehearsal-*` each. */
const TMP = () => os.tmpdir();
const BUILD_SCRIPT = path.join(__dirname, 'build-control-plane.sh');

/** `npm run rehearse`: returns the exit status; never throws. */
export async function rehearseCommand(argv: readonly string[], env: NodeJS.ProcessEnv, io: CommandOutput): Promise<number> {
  let args: ReturnType<typeof parseArguments>;
  try {
    args = parseArguments(
      argv,
      env,
      OWN,
      SWITCHES.map((s) => s.flag),
    );
    if (args.help) {
      io.out(REHEARSE_USAGE);
      return 0;
    }
    if (args.own['--stop']) return await stopAll(io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`error: ${errorText(e)}\n${REHEARSE_USAGE}`);
      return 2;
    }
    throw e;
  }
  const own = (flag: string) => (typeof args.own[flag] === 'string' ? (args.own[flag] as string) : undefined);
  const seconds = (flag: string, fallback: number): number | undefined => {
    const n = own(flag) === undefined ? fallback : Number(own(flag));
    if (Number.isInteger(n) && n >= 10 && n <= 3600) return n;
    io.err(`error: ${flag} must be a whole number of seconds from 10 to 3600, got '${own(flag)}'`);
    return undefined;
  };
  const timeout = seconds('--timeout', 180);
  const drainTimeout = seconds('--drain-timeout', DRAIN_TIMEOUT_S);
  if (timeout === undefined || drainTimeout === undefined) return 2;

  let nodes: NodeObject[];
  let settings: ReturnType<typeof loadSettings>;
  try {
    settings = loadSettings(args.inputs);
    const nodesFrom = own('--nodes-from');
    nodes = nodesOf(nodesFrom ? loadSettings({ profile: nodesFrom, inventory: args.inputs.inventory }).profile : settings.profile);
  } catch (e) {
    if (e instanceof ProfileError || e instanceof NoMachinesError) {
      io.err(`error: ${e.message}`);
      return 1;
    }
    throw e;
  }

  const dir = fs.mkdtempSync(path.join(TMP(), 'dojot-rehearsal-'));
  const refuse = (message: string) => {
    io.err(`error: ${message}`);
    fs.rmSync(dir, { recursive: true, force: true });
    return 1;
  };
  let upgradeFrom: string | undefined;
  const source = own('--upgrade-from');
  if (source !== undefined) {
    try {
      upgradeFrom = earlierOutputFolder(source, path.join(dir, 'earlier'));
    } catch (e) {
      if (e instanceof UpgradeSourceError) return refuse(e.message);
      throw e;
    }
  }

  const bin = own('--bin') ?? buildControlPlane(io);
  if (!bin) {
    fs.rmSync(dir, { recursive: true, force: true });
    return 1; // the build said why
  }
  const missing = BINARIES.filter((b) => !isExecutable(path.join(bin, b)));
  if (missing.length) return refuse(`--bin ${bin}: ${missing.join(', ')} missing or not executable there`);

  let result: RehearsalResult | undefined;
  const interrupted = () => void stopFolder(dir).then(() => process.exit(130));
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    result = await rehearse({
      inputs: args.inputs,
      nodes,
      placement: settings.profile.placement,
      bin,
      dir,
      extra: own('--extra'),
      upgradeFrom,
      drain: args.own['--drain'] === true,
      drainTimeoutS: drainTimeout,
      timeoutMs: timeout * 1000,
      log: (l) => io.err(`rehearse: ${l}`),
    });
  } catch (e) {
    io.err(`error: ${e instanceof Error ? e.message : String(e)}`);
    await stopFolder(dir);
    return 1;
  } finally {
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
  }

  for (const line of summaryLines(result)) io.err(line);
  const report = own('--report');
  if (report) {
    const { controlPlane: _, ...plain } = result;
    fs.writeFileSync(report, `${JSON.stringify({ ...plain, folder: dir }, null, 2)}\n`);
  }
  if (args.own['--keep']) {
    io.err('the control plane is still running:');
    io.out(`KUBECONFIG=${result.controlPlane?.kubeconfig}`);
    io.err('stop it with: npm run rehearse -- --stop');
  } else {
    await stopFolder(dir);
  }
  return result.ok ? 0 : 1;
}

/** The summary a rehearsal prints: objects, pods per node, warnings with their counts, failures. */
export function summaryLines(r: RehearsalResult): string[] {
  const lines = [
    `summary: Kubernetes ${r.serverVersion}: ${r.objects} objects, ${r.nodes.length} nodes, control plane ${r.seconds.controlPlane.toFixed(1)} s, deploy ${r.seconds.deploy.toFixed(1)} s, settle ${r.seconds.settle.toFixed(1)} s, checks ${r.seconds.checks.toFixed(1)} s, dry run ${r.seconds.dryRun.toFixed(1)} s`,
    `summary: pods per node: ${Object.entries(r.podsPerNode)
      .map(([n, c]) => `${n} ${c}`)
      .join(', ')}`,
    ...(r.dryRun
      ? [`summary: dry run on ${r.dryRun.serverVersion} (kubectl apply --dry-run=server): ${r.dryRun.warnings.length} warnings`]
      : []),
    ...[...new Set(r.dryRun?.warnings ?? [])].map((w) => `warning on ${r.dryRun?.serverVersion}: ${w}`),
    ...r.warnings.map((w) => `warning (${w.count}x): ${w.message}`),
    ...r.events.map((e) => `event: ${e.object}: ${e.reason}: ${e.message}`),
    ...(r.upgrade
      ? [
          `upgrade: from ${r.upgrade.from}: npm run diff: ${r.upgrade.diff.at(-1)}; the API server refused ${r.upgrade.refusals.length} in place${r.upgrade.removed.length ? `; deleted ${r.upgrade.removed.length} the output no longer has` : ''}`,
          ...r.upgrade.refusals.map(
            (x) =>
              `upgrade: ${x.id}: refused (${x.message}); ${x.predicted ? `npm run diff predicted it; its procedure ${x.procedureRan ? 'ran' : 'did not run'}` : 'npm run diff did NOT predict it'}`,
          ),
        ]
      : []),
    ...(r.drains ?? []).flatMap((d) => [
      `drain: ${d.node} (${d.group}): ${d.completed ? `completed in ${d.seconds.toFixed(1)} s` : 'did not complete'}; evicted ${d.evicted.length}: ${d.evicted.join(', ') || 'none'}`,
      ...d.rescheduled.map((x) => `drain: ${d.node}: ${x.pod} rescheduled on ${x.node}`),
      ...d.pending.map((x) => `drain: ${d.node}: ${x.pod} Pending: ${x.message}`),
      ...d.movedClaims.map(
        (x) =>
          `drain: ${d.node}: claim ${x.claim} now mounted on ${x.to}, another machine of the group: its pod starts there with an empty directory`,
      ),
    ]),
    ...r.failures.map((f) => `failed: ${f.object}: ${f.message}`),
    r.ok
      ? 'rehearsal passed: every object admitted, every pod scheduled on its group and ready, every claim bound, every reference found'
      : `rehearsal FAILED: ${r.failures.length} problems`,
  ];
  return lines;
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Builds (or finds in its cache) the control plane; returns the folder of its binaries. */
function buildControlPlane(io: CommandOutput): string | undefined {
  const r = spawnSync('bash', [BUILD_SCRIPT], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const bin = (r.stdout ?? '').trim().split('\n').at(-1);
  if (r.status !== 0 || !bin) {
    io.err(
      `error: building the control plane failed (bash ${path.relative(process.cwd(), BUILD_SCRIPT)}, exit ${r.status}); or give --bin DIR`,
    );
    return undefined;
  }
  return bin;
}

/** Ends the processes of one rehearsal folder (its control plane's, and the dry run's in a subfolder), then removes it. */
async function stopFolder(dir: string): Promise<number> {
  const files = [path.join(dir, STATE_FILE), ...subfolders(dir).map((f) => path.join(f, STATE_FILE))];
  const processes: StartedProcess[] = files.flatMap((file) => {
    try {
      return JSON.parse(fs.readFileSync(file, 'utf8')).processes as StartedProcess[];
    } catch {
      return []; // nothing was started there
    }
  });
  await stopProcesses(processes);
  fs.rmSync(dir, { recursive: true, force: true });
  return processes.length;
}

const subfolders = (dir: string) => {
  try {
    return fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => path.join(dir, e.name));
  } catch {
    return [];
  }
};

/** `--stop`: every rehearsal folder's processes ended and the folder removed. */
async function stopAll(io: CommandOutput): Promise<number> {
  const folders = fs
    .readdirSync(TMP())
    .filter((f) => f.startsWith('dojot-rehearsal-'))
    .map((f) => path.join(TMP(), f))
    .filter((f) => fs.existsSync(path.join(f, STATE_FILE)));
  let ended = 0;
  for (const f of folders) ended += await stopFolder(f);
  io.err(
    folders.length
      ? `stopped ${folders.length} control plane${folders.length > 1 ? 's' : ''} (${ended} processes)`
      : 'no rehearsal is running',
  );
  return 0;
}
