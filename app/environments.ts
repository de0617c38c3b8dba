import * as fs from 'node:fs';
import * as path from 'node:path';
import { applicationOf } from '../charts/argocd/application-chart';
import { readEnvironments } from '../profile/environments';
import { overrideLines } from '../profile/layer-overrides';
import type { LoadedProfile } from '../profile/load';
import type { Profile } from '../profile/types';
import { type Problem, ProfileError, fromSource } from '../profile/problems';
import { loadSettings } from './settings';
import { summarize } from './summary';
import { type Manifest, synthesize, synthesizeApplications } from './synthesize';
import type { Layout } from './topology/graphviz';

/** One environment, its profile read and validated. */
export interface LoadedEnvironment {
  readonly name: string;
  readonly settings: LoadedProfile;
}

/**
 * Reads an environments file and every environment's profile, before anything is synthesized:
 * the problems of all of them are reported together, each under its environment's name.
 */
export function loadEnvironments(file: string): LoadedEnvironment[] {
  const problems: Problem[] = [];
  const loaded: LoadedEnvironment[] = [];
  for (const e of readEnvironments(file)) {
    try {
      loaded.push({ name: e.name, settings: loadSettings(e.inputs) });
    } catch (err) {
      if (!(err instanceof ProfileError)) throw err;
      problems.push(...fromSource(err.source, err.problems).map((p) => ({ ...p, source: `environment ${e.name}: ${p.source}` })));
    }
  }
  if (!problems.length) problems.push(...sharedTargets(loaded).map((message) => ({ path: 'environments', message })));
  if (problems.length) throw new ProfileError(file, problems);
  return loaded;
}

/**
 * Environments that Argo CD would deploy over one another: the same namespace of the same
 * cluster, or the same Application name. (Without Argo CD the clusters are not known.)
 */
function sharedTargets(environments: readonly LoadedEnvironment[]): string[] {
  const byDestination = new Map<string, string>();
  const byApplication = new Map<string, string>();
  const problems: string[] = [];
  for (const e of environments) {
    const p = e.settings.profile;
    if (!p.argocd.repoURL) continue;
    const a = applicationOf(p, e.name);
    const destination = `namespace ${p.namespace} of ${a.destinationServer}`;
    const application = `Application ${a.namespace}/${a.name}`;
    const other = byDestination.get(destination);
    if (other)
      problems.push(
        `environments ${other} and ${e.name} both deploy to ${destination}; give one another namespace or argocd.destinationServer`,
      );
    const twin = byApplication.get(application);
    if (twin) problems.push(`environments ${twin} and ${e.name} both make ${application}; change argocd.name in one of their profiles`);
    byDestination.set(destination, e.name);
    byApplication.set(application, e.name);
  }
  return problems;
}

/** Kinds without a namespace that an output may hold: two environments in one cluster share them. */
const CLUSTER_WIDE = ['Namespace', 'StorageClass', 'PersistentVolume'];

/**
 * Cluster-wide objects (volumes, the StorageClass) that two environments Argo CD deploys to the
 * same cluster would both own, each Application undoing the other's.
 */
function sharedClusterObjects(outputs: readonly { name: string; profile: Profile; manifests: readonly Manifest[] }[]): string[] {
  const owner = new Map<string, string>();
  const problems: string[] = [];
  for (const { name, profile, manifests } of outputs) {
    if (!profile.argocd.repoURL) continue;
    for (const o of manifests.filter((m) => !m.file.includes('/')).flatMap((m) => m.objects) as {
      kind: string;
      metadata: { name: string };
    }[]) {
      if (!CLUSTER_WIDE.includes(o.kind)) continue;
      const key = `${profile.argocd.destinationServer} ${o.kind}/${o.metadata.name}`;
      const other = owner.get(key);
      if (other && other !== name)
        problems.push(
          `environments ${other} and ${name} both make ${o.kind}/${o.metadata.name} in ${profile.argocd.destinationServer}; deploy them to different clusters, or turn localVolumes.enabled off in one (its claims then use the cluster's own StorageClass)`,
        );
      owner.set(key, name);
    }
  }
  return [...new Set(problems)];
}

/**
 * Synthesizes each environment into `<outdir>/<name>/`, exactly as a single synth of its
 * settings would write its own folder, but for the Applications: they go together into
 * `<outdir>/argocd/`, each named after and syncing its environment's folder. One process for
 * all: the modules load and warm up once. Returns the lines for the operator; a ProfileError
 * naming `file` when two environments would own the same cluster-wide object.
 */
export function synthesizeEnvironments(
  file: string,
  environments: readonly LoadedEnvironment[],
  outdir: string,
  layout?: Layout,
  published = 'dist',
): string[] {
  fs.rmSync(outdir, { recursive: true, force: true });
  const lines: string[] = [];
  const warned: string[] = [];
  const outputs: { name: string; profile: Profile; manifests: readonly Manifest[] }[] = [];
  for (const { name, settings } of environments) {
    const { notices, warnings, manifests } = synthesize(settings.profile, path.join(outdir, name), {
      loadBalancer: settings.inventory !== undefined,
      application: false,
      layout,
      published: `${published}/${name}`,
    });
    outputs.push({ name, profile: settings.profile, manifests });
    lines.push(...[...overrideLines(settings.overrides, false), ...settings.notices, ...notices].map((n) => `note: ${name}: ${n}`));
    lines.push(...warnings.map((w) => `warning: ${name}: ${w}`));
    lines.push(...summarize(settings.profile, manifests).map((l) => `summary: ${name}: ${l}`));
    warned.push(...warnings.map((w) => `warning: ${name}: ${w}`));
    lines.push(`dojot: ${name}: ${settings.profile.flavour} flavour, ${settings.source}`);
  }
  const shared = sharedClusterObjects(outputs);
  if (shared.length)
    throw new ProfileError(
      file,
      shared.map((message) => ({ path: 'environments', message })),
    );
  const applications = synthesizeApplications(
    environments.map((e) => ({ name: e.name, profile: e.settings.profile })),
    outdir,
  );
  if (applications.length) lines.push(`argocd: ${applications.map((m) => m.file).join(', ')}`);
  // The last lines repeat what must not be missed among the notes above.
  return [...lines, ...warned];
}
