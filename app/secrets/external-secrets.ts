import * as YAML from 'yaml';
import type { Profile } from '../../profile/types';
import { APP_LABEL } from '../../lib/labels';
import type { ComponentName } from '../../charts/contracts';
import { secretData } from './secret-manifests';

export interface ExternalSecretOptions {
  /** Namespace of the Secrets. @default the profile's namespace */
  readonly namespace?: string;
  /** The SecretStore (or ClusterSecretStore) that holds the values. */
  readonly store: string;
  readonly storeKind: 'SecretStore' | 'ClusterSecretStore';
  /** Also the Secrets of these components when the flavour does not deploy them. */
  readonly also?: readonly ComponentName[];
}

/** Placeholders for the values set by hand: only the keys matter here, not their values. */
const FROM_THE_STORE = new Proxy({}, { get: () => 'from-the-store' }) as Readonly<Record<string, string>>;

/**
 * The same Secrets as `npm run secrets`, as ExternalSecrets (external-secrets.io/v1) that a team's
 * secret store fills: each key of Secret `<name>` is read from the store's entry
 * `<namespace>/<name>`, property `<key>`. No value is written: they can live in Git.
 */
export function renderExternalSecrets(profile: Profile, o: ExternalSecretOptions): string {
  const namespace = o.namespace ?? profile.namespace;
  const data = secretData(profile, { namespace, also: o.also, password: () => '', env: FROM_THE_STORE });
  return Object.entries(data)
    .map(([name, keys]) =>
      YAML.stringify({
        apiVersion: 'external-secrets.io/v1',
        kind: 'ExternalSecret',
        metadata: { name, namespace, labels: { ...APP_LABEL } },
        spec: {
          refreshInterval: '1h',
          secretStoreRef: { name: o.store, kind: o.storeKind },
          target: { name, creationPolicy: 'Owner' },
          data: Object.keys(keys).map((key) => ({ secretKey: key, remoteRef: { key: `${namespace}/${name}`, property: key } })),
        },
      }),
    )
    .join('---\n');
}
