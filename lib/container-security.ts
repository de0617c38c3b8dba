import { JsonPatch } from 'cdk8s';
import type { PodTemplateOf } from './pod-templates';

/**
 * How far each image lets its container be locked down, read from its source (named per entry;
 * `/README.md`, Security, has the table). Every container already runs under seccomp
 * RuntimeDefault without privilege escalation (lib/workloads.ts); this adds, where the image
 * allows it: a non-root user, all capabilities dropped, a read-only root filesystem with an
 * emptyDir for each path it writes. Where it does not, `reason` says why.
 */
export interface ImageSecurity {
  /** The numeric user (and group) it runs as; none: the image's own, root. */
  readonly user?: { readonly uid: number; readonly gid?: number };
  /** Drop every capability: a non-root process has none to keep; a root one that chowns or binds port 80 keeps the runtime's. */
  readonly dropAll: boolean;
  /** Paths it writes, each an emptyDir, when the root filesystem is read-only. */
  readonly writable?: readonly string[];
  /** Environment a non-root run needs. */
  readonly env?: Readonly<Record<string, string>>;
  /** Why it keeps root, capabilities or a writable root filesystem. */
  readonly reason?: string;
}

export type ImageSecurityTable = { readonly [workload: string]: { readonly [container: string]: ImageSecurity } };

/** The emptyDir volume for a writable path: `/usr/local/kong` → `scratch-usr-local-kong`. */
export const scratchVolume = (path: string) => `scratch${path.replace(/[^a-z0-9]+/g, '-')}`.replace(/-$/, '');

/**
 * Locks each container of the chart's workloads down as far as its image allows (`table`): its
 * user, its capabilities, a read-only root filesystem with an emptyDir per path it writes. A
 * container the table does not list is a defect of this repository (charts/image-security.ts).
 */
export function applyImageSecurity(workloads: readonly PodTemplateOf[], table: ImageSecurityTable): void {
  for (const { object: o, pod } of workloads) {
    const entries = Object.hasOwn(table, o.name) ? table[o.name] : undefined;
    const volumes = new Set((pod.volumes ?? []).map((v) => v.name));
    const newVolumes: string[] = [];
    for (const field of ['initContainers', 'containers'] as const) {
      (pod[field] ?? []).forEach((c, i) => {
        const s = entries && Object.hasOwn(entries, c.name) ? entries[c.name] : undefined;
        if (!s) throw new Error(`no image security for container ${c.name} of ${o.kind} ${o.name}: add it to charts/image-security.ts`);
        const at = `/spec/template/spec/${field}/${i}`;
        const mounted = new Set((c.volumeMounts ?? []).map((m) => m.mountPath));
        const writable = (s.writable ?? []).filter((path) => !mounted.has(path));
        const current = c.securityContext ?? {};
        const securityContext = {
          ...current,
          ...(s.user ? { runAsNonRoot: true, runAsUser: s.user.uid, ...(s.user.gid === undefined ? {} : { runAsGroup: s.user.gid }) } : {}),
          ...(s.dropAll ? { capabilities: { ...current.capabilities, drop: ['ALL'] } } : {}),
          ...(s.writable ? { readOnlyRootFilesystem: true } : {}),
        };
        o.addJsonPatch(JsonPatch.add(`${at}/securityContext`, securityContext));
        const mounts = writable.map((path) => ({ name: scratchVolume(path), mountPath: path }));
        if (mounts.length)
          o.addJsonPatch(
            c.volumeMounts ? JsonPatch.add(`${at}/volumeMounts/-`, mounts[0]) : JsonPatch.add(`${at}/volumeMounts`, [mounts[0]]),
          );
        for (const m of mounts.slice(1)) o.addJsonPatch(JsonPatch.add(`${at}/volumeMounts/-`, m));
        for (const m of mounts) {
          if (volumes.has(m.name)) continue;
          volumes.add(m.name);
          newVolumes.push(m.name);
        }
        const env = Object.entries(s.env ?? {}).map(([name, value]) => ({ name, value }));
        if (env.length) o.addJsonPatch(c.env ? JsonPatch.add(`${at}/env/-`, env[0]) : JsonPatch.add(`${at}/env`, [env[0]]));
        for (const e of env.slice(1)) o.addJsonPatch(JsonPatch.add(`${at}/env/-`, e));
      });
    }
    const emptyDirs = newVolumes.map((name) => ({ name, emptyDir: {} }));
    if (!emptyDirs.length) continue;
    o.addJsonPatch(
      pod.volumes
        ? JsonPatch.add('/spec/template/spec/volumes/-', emptyDirs[0])
        : JsonPatch.add('/spec/template/spec/volumes', [emptyDirs[0]]),
    );
    for (const v of emptyDirs.slice(1)) o.addJsonPatch(JsonPatch.add('/spec/template/spec/volumes/-', v));
  }
}
