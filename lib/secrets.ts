import type { k8s } from 'cdk8s-plus-27';
import type { Profile } from '../profile/types';

/**
 * A Secret the workloads read, by name and keys (the original's names). Each lives in the folder
 * of the component that owns it (`charts/<service>/secret.ts`). None is in dist/: `npm run
 * secrets` generates them with random passwords.
 */
export interface SecretRef<K extends string = string> {
  readonly name: string;
  readonly keys: readonly K[];
}

export const secretRef = <const K extends string>(name: string, keys: readonly K[]): SecretRef<K> => ({ name, keys });

/** An environment variable read from a Secret's key. */
export function secretEnv<K extends string>(name: string, secret: SecretRef<K>, key: K, optional?: boolean): k8s.EnvVar {
  return { name, valueFrom: { secretKeyRef: { name: secret.name, key, ...(optional ? { optional } : {}) } } };
}

/** What `npm run secrets` fills a Secret from. */
export interface SecretSources {
  readonly profile: Profile;
  /** A fresh random password (or a placeholder, for ExternalSecrets). */
  readonly password: () => string;
  /** A value set by hand in the environment of `npm run secrets` (or a placeholder, for ExternalSecrets). */
  readonly environment: (variable: string) => string | undefined;
}

/** A Secret its component generates the values of, when the profile deploys the component. */
export interface GeneratedSecret {
  readonly ref: SecretRef;
  /** Its keys and values; throws an Error naming what is missing when a value must be set by hand. */
  readonly values: (s: SecretSources) => Readonly<Record<string, string>>;
}

export const generatedSecret = (ref: SecretRef, values: GeneratedSecret['values']): GeneratedSecret => ({ ref, values });
