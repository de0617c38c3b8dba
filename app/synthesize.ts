import * as fs from 'node:fs';
import * as path from 'node:path';
import { ApiObject, App, Chart, DependencyGraph, Names } from 'cdk8s';
import { ApplicationChart } from '../charts/argocd/application-chart';
import { addMonitoringChart } from '../charts/metrics/monitoring-chart';
import { addPlatformCharts } from '../charts/platform';
import { WAVES } from '../charts/sync-waves';
import { applyArgoCdAnnotations } from '../lib/argocd-annotations';
import { applyRecommendedLabels } from '../lib/recommended-labels';
import type { Profile } from '../profile/types';
import type { Manifest } from './manifest';
import { checkCapacity } from './capacity-fit';
import { imagesOf, unusedDigests } from './image-check';
import { endOfLifeNotice } from './end-of-life';
import { sourceImage } from '../lib/image-source';
import { ProfileError } from '../profile/problems';
import { sideFiles } from './side-files';
import { saveYamlDocuments } from './yaml-documents';
import type { Layout } from './topology/graphviz';
import { TOPOLOGY_FILE, drawTopology } from './topology/picture';

export interface SynthesisOptions {
  /** Write the load balancer's files: only with an inventory, which gives their addresses. */
  readonly loadBalancer: boolean;
  /** Write the profile's Argo CD Application in `argocd/` (an environments synth gathers them itself). @default true */
  readonly application?: boolean;
  /** Draw `topology.svg` with this layout. @default no picture */
  readonly layout?: Layout;
  /** The folder the output is published to, as the notes name it (`helm install ... -f dist/helm/...`). @default 'dist' */
  readonly published?: string;
  /** The profile's file, named by a refusal. @default 'the profile' */
  readonly source?: string;
  /** The day the end-of-life note is computed for, ISO. @default today (UTC) */
  readonly today?: string;
}

/** One manifest file written, with the objects in it (as plain JSON data). */
export type { Manifest } from './manifest';

export interface Synthesis {
  /** What the operator should be told (e.g. the kubeadm endpoint, capacity warnings). */
  readonly notices: string[];
  /** What must not be missed: repeated as the last lines before the result. */
  readonly warnings: string[];
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
  if (profile.argocd.repoURL && (options.application ?? true)) manifests.push(...synthesizeArgoCd(profile, outdir));
  const unused = unusedDigests(manifests, profile.images);
  if (unused.length) throw new ProfileError(options.source ?? 'the profile', unused);
  const capacity = checkCapacity(
    manifests.flatMap((m) => m.objects),
    profile,
  );
  const side = sideFiles(profile, options.loadBalancer, options.published ?? 'dist');
  if (options.layout) side.files.push({ name: TOPOLOGY_FILE, content: drawTopology(profile, manifests, options.layout) });
  for (const f of side.files) {
    fs.mkdirSync(path.dirname(path.join(outdir, f.name)), { recursive: true });
    fs.writeFileSync(path.join(outdir, f.name), f.content, { mode: f.mode ?? 0o644 });
  }
  const images = imagesOf(manifests).map((i) => sourceImage(i, profile.images));
  const endOfLife = endOfLifeNotice(profile, images, options.today ?? new Date().toISOString().slice(0, 10));
  return { notices: [...capacity, ...side.notices, ...endOfLife], warnings: side.warnings, manifests };
}

/**
 * Writes an app's charts one file each, as `app.synth()` would (cdk8s's dependency order, its
 * file names: `NNNN-<chart>` once a chart depends on another, its YAML writer), but resolving
 * each object once: `app.synth()` and then reading the objects back cost a third of a synth.
 * Charts with no object for this profile (e.g. storage with every toggle off) get no file.
 */
function synthesizeApp(app: App, outdir: string, prefix: string): Manifest[] {
  fs.mkdirSync(outdir, { recursive: true });
  const charts = app.charts;
  const indexed = charts.some((c) => c.node.dependencies.length > 0);
  return charts.flatMap((chart, i) => {
    const file = `${indexed ? `${String(i).padStart(4, '0')}-` : ''}${Names.toDnsLabel(chart)}.k8s.yaml`;
    const objects = objectsOf(chart);
    if (!objects.length) return [];
    return [{ file: `${prefix}${file}`, objects: saveYamlDocuments(path.join(outdir, file), objects) }];
  });
}

/** A chart's objects in cdk8s's own order (its `chartToKube`: the chart's dependency topology). */
function objectsOf(chart: Chart): unknown[] {
  return new DependencyGraph(chart.node)
    .topology()
    .filter((x): x is ApiObject => x instanceof ApiObject && Chart.of(x) === chart)
    .map((o) => o.toJson());
}

/** Where the Argo CD Application goes: `kubectl apply -f dist` does not read it. */
export const ARGOCD_DIR = 'argocd';

/** The Argo CD Application, in an app of its own (its own folder). */
function synthesizeArgoCd(profile: Profile, outdir: string): Manifest[] {
  const dir = path.join(outdir, ARGOCD_DIR);
  const app = new App({ outdir: dir });
  new ApplicationChart(app, 'application', profile);
  return synthesizeApp(app, dir, `${ARGOCD_DIR}/`);
}

/** The Applications of an environments synth, one file each (`argocd/<environment>.k8s.yaml`). */
export function synthesizeApplications(environments: readonly { name: string; profile: Profile }[], outdir: string): Manifest[] {
  const dir = path.join(outdir, ARGOCD_DIR);
  const app = new App({ outdir: dir });
  for (const e of environments) if (e.profile.argocd.repoURL) new ApplicationChart(app, e.name, e.profile, { environment: e.name });
  return app.charts.length ? synthesizeApp(app, dir, `${ARGOCD_DIR}/`) : [];
}

/** dojot's monitoring objects, in an app of their own (its own folder), when the flavour has any. */
function synthesizeMonitoring(profile: Profile, outdir: string): Manifest[] {
  const dir = path.join(outdir, MONITORING_DIR);
  const app = new App({ outdir: dir });
  const chart = addMonitoringChart(app, profile);
  if (!chart) return [];
  applyRecommendedLabels(chart, {
    name: chart.node.id,
    instance: profile.namespace,
    version: profile.version,
    component: 'monitoring',
  });
  applyArgoCdAnnotations(chart, WAVES.services);
  return synthesizeApp(app, dir, `${MONITORING_DIR}/`);
}
