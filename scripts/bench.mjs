// `npm run bench [-- --runs N]`: median wall time of the 100k synth against the floor (start
// Node and load cdk8s + cdk8s-plus-27, nothing else): the app alone, and the user's own command
// end to end (`npm run synth -- --profile 100k`, npm's start-up included).
// Then an environments file of ten environments against one of one (each the 100k preset in a
// namespace of its own, with the guide's inventory), both by `npm run synth -- --environments`.
// The picture's cost: the app with --topology, as npm run synth runs it.
// Targets: the user's command at most 0.6 s median, the app at most 3x the floor, ten
// environments at most 2x one. Exits 1 when a target is missed.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const TARGET_MS = 600;
const TARGET_RATIO = 3;
const TARGET_ENVIRONMENTS_RATIO = 2;
const runsFlag = process.argv.indexOf('--runs');
const RUNS = runsFlag > 0 ? Number(process.argv[runsFlag + 1]) : 11;
const root = path.resolve(import.meta.dirname, '..');
const scratch = path.join(root, '.bench');

function time(args, env = {}) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed:\n${r.stderr}`);
  return ms;
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

function measure(label, args, env) {
  time(args, env); // warm-up: the OS file cache, and the app's bundle on its first run
  const samples = Array.from({ length: RUNS }, () => time(args, env));
  return { label, median: median(samples), min: Math.min(...samples), max: Math.max(...samples) };
}

function sizeOf(dir) {
  let bytes = 0;
  let files = 0;
  for (const f of fs.readdirSync(dir, { recursive: true })) {
    const st = fs.statSync(path.join(dir, f));
    if (!st.isFile()) continue;
    bytes += st.size;
    files++;
  }
  return { bytes, files };
}

fs.rmSync(scratch, { recursive: true, force: true });
const env = { DOJOT_PROFILE: '100k', CDK8S_OUTDIR: path.join(scratch, 'out'), DOJOT_DIST: path.join(scratch, 'dist') };
const floor = measure('floor: node + cdk8s + cdk8s-plus-27', ['-e', "require('cdk8s'); require('cdk8s-plus-27')"]);
const synth = measure('app: 100k preset', ['scripts/run-app.cjs'], env);
// The picture (dist/topology.svg), which npm run synth draws and the cdk8s app does not.
const pictured = measure('app: 100k preset, with the picture', ['scripts/run-app.cjs', '--topology'], env);
// The largest output: the whole platform with every optional service, on the guide's settings.
const largestProfile = path.join(scratch, 'largest.yaml');
fs.mkdirSync(scratch, { recursive: true });
// It outgrows the guide's dojot machine (README, Sizing): warned, not refused.
fs.writeFileSync(
  largestProfile,
  'preset: 100k\nflavour: vernemq\noptional: { influxdb: true, influxdbStorer: true, influxdbRetriever: true }\ncapacity: { onExcess: warn }\n',
);
const largest = measure('app: whole platform, every option', ['scripts/run-app.cjs', '--profile', largestProfile], {
  ...env,
  DOJOT_PROFILE: '',
});
// npm sets npm_execpath for the scripts it runs; else the npm beside this Node.
const npmCli =
  process.env.npm_execpath ?? path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js');
const command = measure('npm run synth -- --profile 100k', [npmCli, 'run', '-s', 'synth', '--', '--profile', '100k'], {
  CDK8S_OUTDIR: env.CDK8S_OUTDIR,
  DOJOT_DIST: env.DOJOT_DIST,
});
const out = sizeOf(env.DOJOT_DIST);
const guide = path.join(root, 'examples', 'guide-100k');
const environmentsFile = (count) => {
  const file = path.join(scratch, `environments-${count}.yaml`);
  const lines = ['environments:'];
  for (let i = 0; i < count; i++) {
    fs.writeFileSync(path.join(scratch, `env-${i}.yaml`), `preset: 100k\nnamespace: dojot-${i}\n`);
    lines.push(`  env-${i}: { profile: env-${i}.yaml, inventory: ${JSON.stringify(guide)} }`);
  }
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
};
const synthEnvironments = (count) => [npmCli, 'run', '-s', 'synth', '--', '--environments', environmentsFile(count)];
const oneEnvironment = measure('environments: one', synthEnvironments(1), { CDK8S_OUTDIR: env.CDK8S_OUTDIR, DOJOT_DIST: env.DOJOT_DIST });
const tenEnvironments = measure('environments: ten', synthEnvironments(10), { CDK8S_OUTDIR: env.CDK8S_OUTDIR, DOJOT_DIST: env.DOJOT_DIST });
const environmentsRatio = tenEnvironments.median / oneEnvironment.median;
fs.rmSync(scratch, { recursive: true, force: true });

const ratio = Math.max(synth.median, largest.median) / floor.median;
const row = (r) => `${r.label.padEnd(36)} median ${r.median.toFixed(0).padStart(5)} ms  (min ${r.min.toFixed(0)}, max ${r.max.toFixed(0)})`;
console.log(`${RUNS} runs each, node ${process.version}`);
console.log(row(floor));
console.log(row(synth));
console.log(row(pictured));
console.log(row(largest));
console.log(row(command));
console.log(row(oneEnvironment));
console.log(row(tenEnvironments));
console.log(`the picture costs ${(pictured.median - synth.median).toFixed(0)} ms (drawn by npm run synth only)`);
console.log(`ratio app/floor (the slower of the two): ${ratio.toFixed(2)}x   (target <= ${TARGET_RATIO}x)`);
console.log(`npm run synth median: ${command.median.toFixed(0)} ms   (target <= ${TARGET_MS} ms)`);
console.log(`ratio ten environments/one: ${environmentsRatio.toFixed(2)}x   (target <= ${TARGET_ENVIRONMENTS_RATIO}x)`);
console.log(`output: ${out.files} files, ${(out.bytes / 1024).toFixed(1)} KiB`);
const missed = [
  command.median > TARGET_MS && 'time',
  ratio > TARGET_RATIO && 'ratio',
  environmentsRatio > TARGET_ENVIRONMENTS_RATIO && 'environments',
].filter(Boolean);
if (missed.length) {
  console.log(`MISSED: ${missed.join(', ')}`);
  process.exit(1);
}
console.log('targets met');
