import { describe, expect, it } from 'vitest';
import * as YAML from 'yaml';
import { renderSecretManifests } from '../../app/secrets/secret-manifests';
import { KONG_SECRET } from '../../charts/kong/secret';
import { VERNEMQ_SECRET } from '../../charts/vernemq/secret';
import { X509_IDENTITY_MGMT_SECRET } from '../../charts/x509-identity-mgmt/secret';
import { PRESET_NAMES, podSpec, profileOf, synth } from '../helpers/synth';

const SENSITIVE = /PASSW|PWD|SECRET|TOKEN|_KEY$/i;
/** Names that look sensitive and are not: a page URL and a file path. */
const NOT_CREDENTIALS: Record<string, RegExp> = {
  AUTH_RESET_PWD_VIEW: /^https?:\/\/[^/]+\/#\/setPassword\/$/,
  KAFKA_WS_SERVER_KEY: /^\/[\w/.-]+\.key$/,
};

const PROFILES: [string, () => ReturnType<typeof profileOf>][] = [
  ...PRESET_NAMES.map((n): [string, () => ReturnType<typeof profileOf>] => [`preset ${n}`, () => profileOf(n)]),
  ...(['mosca', 'lwm2m'] as const).map((f): [string, () => ReturnType<typeof profileOf>] => [
    `flavour ${f}`,
    () => profileOf('default', { flavour: f }),
  ]),
  ['every optional service', () => profileOf('default', { optional: { influxdb: true, influxdbStorer: true, influxdbRetriever: true } })],
];

describe.each(PROFILES)('no credential in dist/ (%s)', (_, make) => {
  const out = synth(make());
  const workloads = out.objects.filter((o) => o.spec?.template?.spec);

  it('has no Secret object', () => {
    expect(out.ofKind('Secret')).toEqual([]);
  });

  it('reads every password-like variable from a Secret', () => {
    const literal = workloads.flatMap((w) =>
      podSpec(w).containers.flatMap((c: { env?: { name: string; value?: string }[] }) =>
        (c.env ?? [])
          .filter((e) => SENSITIVE.test(e.name) && e.value !== undefined && !NOT_CREDENTIALS[e.name]?.test(e.value))
          .map((e) => `${w.metadata.name}: ${e.name}`),
      ),
    );
    expect(literal).toEqual([]);
  });

  it('references only the Secrets and keys that npm run secrets generates', () => {
    // The Secrets of this profile's flavour only: what it reads, npm run secrets makes for it.
    const generated = YAML.parseAllDocuments(
      renderSecretManifests(out.profile, { env: { AUTH_EMAIL_HOST: 'h', AUTH_EMAIL_USER: 'u', AUTH_EMAIL_PASSWD: 'p' } }),
    ).map((d) => d.toJS() as { metadata: { name: string }; stringData: Record<string, string> });
    const keys = new Set(generated.flatMap((s) => Object.keys(s.stringData).map((k) => `${s.metadata.name}/${k}`)));
    const refs = workloads.flatMap((w) =>
      [...podSpec(w).containers, ...(podSpec(w).initContainers ?? [])].flatMap(
        (c: { env?: { valueFrom?: { secretKeyRef?: { name: string; key: string; optional?: boolean } } }[] }) =>
          (c.env ?? []).flatMap((e) =>
            e.valueFrom?.secretKeyRef && !e.valueFrom.secretKeyRef.optional
              ? [`${e.valueFrom.secretKeyRef.name}/${e.valueFrom.secretKeyRef.key}`]
              : [],
          ),
      ),
    );
    expect(refs.length).toBeGreaterThan(0);
    expect(refs.filter((r) => !keys.has(r))).toEqual([]);
  });

  it("never writes the original's well-known passwords", () => {
    const text = Object.values(out.files).join('\n');
    for (const word of ['postgres', 'kong', 'mongodb', 'ejbca', 'auth'])
      expect(text).not.toMatch(new RegExp(`(password|passwd|pwd)["']?\\s*[:=]\\s*["']?${word}\\b`, 'i'));
  });
});

describe('npm run secrets', () => {
  const profile = profileOf('100k');
  let n = 0;
  const counter = () => `pw-${++n}`;

  it("prints one Secret per name the workloads read, in the components' order, with the profile's users and random passwords", () => {
    n = 0;
    const docs = YAML.parseAllDocuments(renderSecretManifests(profile, { password: counter })).map((d) => d.toJS());
    expect(docs.map((d) => d.metadata.name)).toEqual([
      'postgres-secret',
      'mongodb-secret',
      'vernemq-secret',
      'kong-secret',
      'auth-secret',
      'x509-identity-mgmt-secret',
    ]);
    expect(docs.every((d) => d.kind === 'Secret' && d.metadata.namespace === 'dojot' && d.type === 'Opaque')).toBe(true);
    expect(docs.find((d) => d.metadata.name === KONG_SECRET.name).stringData).toEqual({ user: 'kong', password: 'pw-4', db: 'kong' });
    expect(docs.find((d) => d.metadata.name === X509_IDENTITY_MGMT_SECRET.name).stringData).toEqual({ user: 'ejbca', password: 'pw-6' });
    // The VerneMQ nodes' Erlang cookie: v0.6.0 used the well-known 'vmq'.
    expect(docs.find((d) => d.metadata.name === VERNEMQ_SECRET.name).stringData).toEqual({ cookie: 'pw-3' });
  });

  it.each([
    ['100k', {}, ['postgres-secret', 'mongodb-secret', 'vernemq-secret', 'kong-secret', 'auth-secret', 'x509-identity-mgmt-secret']],
    [
      'default',
      {},
      [
        'minio-secret',
        'postgres-secret',
        'mongodb-secret',
        'vernemq-secret',
        'kong-secret',
        'auth-secret',
        'devm-secret',
        'x509-identity-mgmt-secret',
      ],
    ],
    [
      'default',
      { flavour: 'mosca' },
      ['minio-secret', 'postgres-secret', 'mongodb-secret', 'kong-secret', 'auth-secret', 'devm-secret', 'x509-identity-mgmt-secret'],
    ],
    [
      'default',
      { optional: { influxdb: true } },
      [
        'minio-secret',
        'postgres-secret',
        'influxdb-secret',
        'mongodb-secret',
        'vernemq-secret',
        'kong-secret',
        'auth-secret',
        'devm-secret',
        'x509-identity-mgmt-secret',
      ],
    ],
  ] as const)('makes the Secrets of the flavour: %s %j', (preset, layer, names) => {
    const docs = YAML.parseAllDocuments(renderSecretManifests(profileOf(preset, layer as never))).map((d) => d.toJS());
    expect(docs.map((d) => d.metadata.name)).toEqual(names);
    const devm = docs.find((d) => d.metadata.name === 'devm-secret');
    if (devm) {
      expect(Object.keys(devm.stringData)).toEqual(['user', 'password', 'crypto_pass', 'crypto_iv', 'crypto_salt']);
      // AES-CBC's IV: exactly 16 bytes, used as is (device-manager v0.6.0, pycrypto 2.6.1).
      expect(devm.stringData.crypto_iv).toMatch(/^[0-9a-f]{16}$/);
      expect(devm.stringData.crypto_salt).toMatch(/^[0-9a-f]{32}$/);
    }
  });

  it('makes new random passwords each time', () => {
    const a = renderSecretManifests(profile);
    const b = renderSecretManifests(profile);
    expect(a).not.toEqual(b);
    const passwords = YAML.parseAllDocuments(a).map((d) => {
      const data = (d.toJS() as { stringData: { password?: string; cookie?: string } }).stringData;
      return data.password ?? data.cookie;
    });
    expect(new Set(passwords).size).toBe(passwords.length);
    for (const p of passwords) expect(p).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it("targets another namespace, and adds device-manager's Secret on request", () => {
    const docs = YAML.parseAllDocuments(renderSecretManifests(profile, { namespace: 'iot', also: ['deviceManager'] })).map((d) => d.toJS());
    expect(new Set(docs.map((d) => d.metadata.namespace))).toEqual(new Set(['iot']));
    expect(docs.map((d) => d.metadata.name)).toContain('devm-secret');
  });

  it("needs the SMTP settings when auth's e-mail is on, and names the missing ones", () => {
    const email = profileOf('100k', { auth: { emailEnabled: true } });
    expect(() => renderSecretManifests(email, { env: { AUTH_EMAIL_HOST: 'smtp.example.com' } })).toThrow(
      'auth.emailEnabled is on: set AUTH_EMAIL_USER, AUTH_EMAIL_PASSWD (the SMTP host, account and password)',
    );
    const auth = YAML.parseAllDocuments(
      renderSecretManifests(email, { env: { AUTH_EMAIL_HOST: 'h', AUTH_EMAIL_USER: 'u', AUTH_EMAIL_PASSWD: 'p' } }),
    )
      .map((d) => d.toJS())
      .find((d) => d.metadata.name === 'auth-secret');
    expect(Object.keys(auth.stringData)).toEqual(['user', 'password', 'email_host', 'email_user', 'email_passwd']);
  });
});
