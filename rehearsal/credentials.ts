import { execFileSync } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The identities the control plane's components authenticate as, each with a bearer token. */
export const IDENTITIES = {
  // The rehearsal itself, kubectl and kwok: cluster administrators.
  admin: { user: 'dojot-rehearsal', groups: ['system:masters'] },
  // RBAC's bootstrap policy binds these users to the components' own roles.
  controllerManager: { user: 'system:kube-controller-manager', groups: [] },
  scheduler: { user: 'system:kube-scheduler', groups: [] },
} as const;
export type Identity = keyof typeof IDENTITIES;

/** Files and tokens of one rehearsal's control plane, in its folder. */
export interface Credentials {
  readonly caCert: string;
  readonly serverCert: string;
  readonly serverKey: string;
  /** The service account token signer's keys (kube-apiserver verifies, kube-controller-manager signs). */
  readonly serviceAccountKey: string;
  readonly serviceAccountPublicKey: string;
  /** kube-apiserver's --token-auth-file. */
  readonly tokenFile: string;
  readonly tokens: Readonly<Record<Identity, string>>;
}

/**
 * A certificate authority and the API server's serving certificate for 127.0.0.1 (openssl), the
 * service account key pair and a random token per identity. Nothing leaves `dir`.
 */
export function makeCredentials(dir: string): Credentials {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = (name: string) => path.join(dir, name);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] });

  openssl(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '2',
    '-subj',
    '/CN=dojot-rehearsal-ca',
    '-keyout',
    file('ca.key'),
    '-out',
    file('ca.crt'),
  );
  openssl(
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-subj',
    '/CN=kube-apiserver',
    '-keyout',
    file('apiserver.key'),
    '-out',
    file('apiserver.csr'),
  );
  // The names a client may use: loopback, and the in-cluster Service the controllers publish.
  fs.writeFileSync(
    file('apiserver.ext'),
    [
      'subjectAltName=IP:127.0.0.1,DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc,IP:10.96.0.1',
      'extendedKeyUsage=serverAuth',
      'keyUsage=digitalSignature,keyEncipherment',
      '',
    ].join('\n'),
  );
  openssl(
    'x509',
    '-req',
    '-in',
    file('apiserver.csr'),
    '-CA',
    file('ca.crt'),
    '-CAkey',
    file('ca.key'),
    '-CAcreateserial',
    '-days',
    '2',
    '-extfile',
    file('apiserver.ext'),
    '-out',
    file('apiserver.crt'),
  );

  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  fs.writeFileSync(file('sa.key'), privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  fs.writeFileSync(file('sa.pub'), publicKey.export({ type: 'spki', format: 'pem' }));

  const tokens = Object.fromEntries(Object.keys(IDENTITIES).map((id) => [id, randomBytes(24).toString('hex')])) as Record<Identity, string>;
  // token,user,uid,"group1,group2": kube-apiserver's static token file.
  const rows = (Object.keys(IDENTITIES) as Identity[]).map((id) => {
    const { user, groups } = IDENTITIES[id];
    return `${tokens[id]},${user},${user}${groups.length ? `,"${groups.join(',')}"` : ''}`;
  });
  fs.writeFileSync(file('tokens.csv'), `${rows.join('\n')}\n`, { mode: 0o600 });

  return {
    caCert: file('ca.crt'),
    serverCert: file('apiserver.crt'),
    serverKey: file('apiserver.key'),
    serviceAccountKey: file('sa.key'),
    serviceAccountPublicKey: file('sa.pub'),
    tokenFile: file('tokens.csv'),
    tokens,
  };
}

/** A kubeconfig for `identity` against the API server at `server`. */
export function writeKubeconfig(file: string, server: string, credentials: Credentials, identity: Identity): string {
  const text = [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    `- name: rehearsal`,
    `  cluster: { server: '${server}', certificate-authority: '${credentials.caCert}' }`,
    'users:',
    `- name: ${identity}`,
    `  user: { token: '${credentials.tokens[identity]}' }`,
    'contexts:',
    `- name: rehearsal`,
    `  context: { cluster: rehearsal, user: ${identity} }`,
    'current-context: rehearsal',
    '',
  ].join('\n');
  fs.writeFileSync(file, text, { mode: 0o600 });
  return file;
}
