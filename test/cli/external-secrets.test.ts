import { describe, expect, it } from 'vitest';
import * as YAML from 'yaml';
import { secretsCommand } from '../../app/secrets-command';

function runSecrets(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = secretsCommand(argv, {}, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { status, docs: YAML.parseAllDocuments(out.join('\n')).map((d) => d.toJS()), err };
}

describe('npm run secrets -- --format external-secret', () => {
  it('renders one ExternalSecret per Secret, every key read from the store, no value written', () => {
    const plain = runSecrets('--profile', '100k');
    const external = runSecrets('--profile', '100k', '--format', 'external-secret', '--store', 'vault');
    expect(external.status).toBe(0);
    expect(external.docs.map((d) => d.metadata.name)).toEqual(plain.docs.map((d) => d.metadata.name));
    const pg = external.docs.find((d) => d.metadata.name === 'postgres-secret');
    expect(pg).toEqual({
      apiVersion: 'external-secrets.io/v1',
      kind: 'ExternalSecret',
      metadata: { name: 'postgres-secret', namespace: 'dojot', labels: { app: 'dojot' } },
      spec: {
        refreshInterval: '1h',
        secretStoreRef: { name: 'vault', kind: 'SecretStore' },
        target: { name: 'postgres-secret', creationPolicy: 'Owner' },
        data: [
          { secretKey: 'user', remoteRef: { key: 'dojot/postgres-secret', property: 'user' } },
          { secretKey: 'password', remoteRef: { key: 'dojot/postgres-secret', property: 'password' } },
        ],
      },
    });
    // The same keys as the Secrets, for every one of them.
    for (const d of external.docs) {
      const secret = plain.docs.find((s) => s.metadata.name === d.metadata.name);
      expect(
        d.spec.data.map((x: { secretKey: string }) => x.secretKey),
        d.metadata.name,
      ).toEqual(Object.keys(secret.stringData));
    }
  });

  it('needs the store, and takes a ClusterSecretStore', () => {
    expect(runSecrets('--format', 'external-secret').status).toBe(2);
    expect(
      runSecrets('--format', 'external-secret', '--store', 'vault', '--store-kind', 'ClusterSecretStore').docs[0].spec.secretStoreRef,
    ).toEqual({ name: 'vault', kind: 'ClusterSecretStore' });
    expect(runSecrets('--format', 'sealed').err[0]).toMatch(/^error: --format must be secret or external-secret, got 'sealed'/);
  });
});
