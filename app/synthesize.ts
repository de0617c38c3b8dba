import * as fs from 'node:fs';
import * as path from 'node:path';
import { App } from 'cdk8s';
import { platformContracts } from '../charts/contracts';
import { deployedComponents } from '../charts/flavours';
import { MonitoringChart } from '../charts/metrics/monitoring-chart';
import { addPlatformCharts } from '../charts/platform';
import { applyRecommendedLabels } from '../lib/recommended-labels';
import type { Profile } from '../profile/types';
import { checkCapacity } from './capacity-fit';
import { sideFiles } from './side-files';

export interface SynthesisOptions {
  /** Write the load balancer's files: only with an inventory, which gives their addresses. */
  readonly loadBalancer: boolean;
}

/** One manifest file written, with the objects in it (as plain JSON data). */
export interface Manifest {
  /** Its path in the output folder (`0006-vernemq.k8s.yaml`, `monitoring/...`). */
  readonly file: string;
  readonly objects: readonly Record<string, unknown>[];
}

export interface Synthesis {
  /** What the operator should be told (e.g. the kubeadm endpoint, capacity warnings). */
  readonly notices: string[];
  readonly manifests: readonly Manifest[];
}

/** Where the objects that need the prometheus-operator's CRDs go: `kubectl apply -f dist` does not read it. */
export const MONITORING_DIR = 'monitoring';

/** Synthesizes the manifests and side files of `profile` into `outdir` (emptied first). */
export function synthesize(profile: Profile, outdir: string, options: SynthesisOptions = { loadBalancer: true }): Synthesis {
  fs.rmSync(outdir, { recursive: true, force: true });
  const app = new App({ outdir });
  addPlatformCharts(app, profile);
  const manifests = synthesizeApp(app, outdir, '');
  if (profile.metrics.enabled) manifests.push(...synthesizeMonitoring(profile, outdir));
  const capacity = checkCapacity(manifests.flatMap((m) => m.objects), profile);
  const side = sideFiles(profile, options.loadBalancer);
  for (const f of side.files) {
    fs.mkdirSync(path.dirname(path.join(outdir, f.name)), { recursive: true });
    fs.writeFileSync(path.join(outdir, f.name), f.content, { mode: f.mode ?? 0o644 });
  }
  return { notices: [...capacity, ...side.notices], manifests };
}

/**
 * Writes an app's charts, one file each (named by cdk8s in dependency order), drops the files of
 * charts with no object for this profile (e.g. storage with every toggle off), and returns them.
 */
function synthesizeApp(app: App, outdir: string, prefix: string): Manifest[] {
  app.synth();
  const files = fs.readdirSync(outdir).filter((f) => f.endsWith('.k8s.yaml'));
  return app.charts.flatMap((chart) => {
    const file = files.find((f) => f.endsWith(`-${chart.node.id}.k8s.yaml`) || f === `${chart.node.id}.k8s.yaml`);
    if (!file) throw new Error(`no manifest file for chart ${chart.node.id}`);
    const objects = JSON.parse(JSON.stringify(chart.toJson())) as Record<string, unknown>[];
    if (objects.length) return [{ file: `${prefix}${file}`, objects }];
    fs.rmSync(path.join(outdir, file));
    return [];
  });
}

/** dojot's monitoring objects, in an app of their own (its own folder), when the flavour has any. */
function synthesizeMonitoring(profile: Profile, outdir: string): Manifest[] {
  const deployed = new Set(deployedComponents(profile));
  if (!deployed.has('vernemq') && !profile.locustExporter.enabled) return [];
  const dir = path.join(outdir, MONITORING_DIR);
  const app = new App({ outdir: dir });
  const chart = new MonitoringChart(app, 'dojot-monitoring', { profile, contracts: platformContracts(profile), vernemq: deployed.has('vernemq') });
  applyRecommendedLabels(chart, { name: 'dojot-monitoring', instance: profile.namespace, version: profile.version, component: 'monitoring' });
  return synthesizeApp(app, dir, `${MONITORING_DIR}/`);
}
