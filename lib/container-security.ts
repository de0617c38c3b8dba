import type { k8s } from 'cdk8s-plus-27';

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

/** The emptyDir volume for a writable path: `/var/lib/app` → `scratch-var-lib-app`. */
export const scratchVolume = (path: string) => `scratch${path.replace(/[^a-z0-9]+/g, '-')}`.replace(/-$/, '');

/**
 * The container locked down as far as its image allows (`s`): its user, its capabilities, a
 * read-only root filesystem with an emptyDir mounted on each path it writes that no volume
 * covers yet (`scratchVolumes`: the pod must have them), and the environment a non-root run needs.
 */
export function lockedDown(c: k8s.Container, s: ImageSecurity): { container: k8s.Container; scratchVolumes: string[] } {
  const mounted = new Set((c.volumeMounts ?? []).map((m) => m.mountPath));
  const mounts = (s.writable ?? []).filter((path) => !mounted.has(path)).map((path) => ({ name: scratchVolume(path), mountPath: path }));
  const current = c.securityContext ?? {};
  const securityContext: k8s.SecurityContext = {
    ...current,
    ...(s.user ? { runAsNonRoot: true, runAsUser: s.user.uid, ...(s.user.gid === undefined ? {} : { runAsGroup: s.user.gid }) } : {}),
    ...(s.dropAll ? { capabilities: { ...current.capabilities, drop: ['ALL'] } } : {}),
    ...(s.writable ? { readOnlyRootFilesystem: true } : {}),
  };
  const env = Object.entries(s.env ?? {}).map(([name, value]) => ({ name, value }));
  const container: k8s.Container = {
    ...c,
    securityContext,
    ...(mounts.length ? { volumeMounts: [...(c.volumeMounts ?? []), ...mounts] } : {}),
    ...(env.length ? { env: [...(c.env ?? []), ...env] } : {}),
  };
  return { container, scratchVolumes: mounts.map((m) => m.name) };
}
