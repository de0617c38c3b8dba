import { isPlainObject } from './merge';

/**
 * Inventories of other dojot versions, recognised by the variables only they have (read from
 * dojot/ansible-dojot's example inventories at every tag from v0.4.0 to v0.8.1). v0.5.1 to v0.6.1
 * use exactly v0.6.0's variable names; they differ only in `dojot_version`.
 */
const FINGERPRINTS: readonly { readonly version: string; readonly test: (vars: Record<string, unknown>) => string | undefined }[] = [
  {
    version: 'v0.8',
    test: (v) => Object.keys(v).find((k) => /^velero_/.test(k) || k === 'dojot_backend_version' || k === 'dojot_frontend_version'),
  },
  {
    version: 'v0.7 or later',
    test: (v) =>
      Object.keys(v).find(
        (k) => /^dojot_[a-z0-9]+_nodenames$/.test(k) || k === 'dojot_volume_directory' || k === 'dojot_x509_ejbca_replicas',
      ) ??
      (isPlainObject(v.optional)
        ? ['vernemq', 'mosca', 'lwm2m'].map((k) => `optional.${k}`).find((k) => Object.hasOwn(v.optional as object, k.slice(9)))
        : undefined),
  },
  { version: 'v0.4', test: (v) => (Object.hasOwn(v, 'dojot_ejbca_persistent_volumes') ? 'dojot_ejbca_persistent_volumes' : undefined) },
];

const SUPPORTED = 'dojot-cdk8s deploys dojot v0.6.0 and reads v0.6.0 inventories (v0.5.1 to v0.6.1 use the same variables)';

/** A one-line message when the variables belong to another dojot version's inventory. */
export function otherDojotVersion(vars: Record<string, unknown>): string | undefined {
  for (const f of FINGERPRINTS) {
    const key = f.test(vars);
    if (key) return `is an inventory of dojot ${f.version} (it has ${key}); ${SUPPORTED}`;
  }
  return undefined;
}

/** Inventory groups that only later versions' hosts files have. */
const LATER_GROUPS: Readonly<Record<string, string>> = { http_agent_nodes: 'v0.7.1', 'volume-nodes': 'v0.7', 'k3s-nodes': 'v0.8' };

export function otherDojotVersionOfHosts(groups: Iterable<string>): string | undefined {
  for (const g of groups) {
    if (Object.hasOwn(LATER_GROUPS, g)) return `is a hosts file of dojot ${LATER_GROUPS[g]} or later (it has the group ${g}); ${SUPPORTED}`;
  }
  return undefined;
}
