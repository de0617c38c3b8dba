import { randomBytes } from 'node:crypto';
import * as YAML from 'yaml';
import type { Component } from '../../charts/component';
import { COMPONENTS } from '../../charts/components';
import type { ComponentName } from '../../charts/contracts';
import { deployedComponents } from '../../charts/flavours';
import { APP_LABEL } from '../../lib/labels';
import type { SecretSources } from '../../lib/secrets';
import type { Profile } from '../../profile/types';

export interface SecretOptions {
  /** Namespace of the Secrets. @default the profile's namespace */
  readonly namespace?: string;
  /** Also the Secrets of these components when the flavour does not deploy them. @default none (the flavour decides) */
  readonly also?: readonly ComponentName[];
  /** Source of the values set by hand (such as SMTP settings). @default process.env */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Password generator, replaceable in tests. @default 24 random bytes, base64url */
  readonly password?: () => string;
}

/** A random password: 24 bytes from the OS's CSPRNG, URL-safe base64 (no quoting issues). */
export function randomPassword(): string {
  return randomBytes(24).toString('base64url');
}

/**
 * The Secrets every workload of the profile reads (each component's `secrets`), with the profile's
 * user and database names and fresh random passwords, as a multi-document YAML for `kubectl apply
 * -f -`. Throws an Error naming what is missing when a value set by hand is not set.
 */
export function renderSecretManifests(profile: Profile, options: SecretOptions = {}): string {
  const namespace = options.namespace ?? profile.namespace;
  return Object.entries(secretData(profile, options))
    .map(([name, stringData]) =>
      YAML.stringify({
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name, namespace, labels: { ...APP_LABEL } },
        type: 'Opaque',
        stringData,
      }),
    )
    .join('---\n');
}

/** Each Secret the profile's workloads read, by name, with its keys and values, in the components' order. */
export function secretData(profile: Profile, options: SecretOptions = {}): Record<string, Record<string, string>> {
  const env = options.env ?? process.env;
  const sources: SecretSources = { profile, password: options.password ?? randomPassword, environment: (v) => env[v] };
  const wanted = new Set<string>([...deployedComponents(profile), ...(options.also ?? [])]);
  const owners = (COMPONENTS as readonly Component[]).filter((c) => wanted.has(c.name));
  return Object.fromEntries(owners.flatMap((c) => (c.secrets ?? []).map((s) => [s.ref.name, { ...s.values(sources) }])));
}
