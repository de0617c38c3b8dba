// postgres (charts/postgres): the StatefulSet, its Service, the users' init script and Secrets, volume and placement.
import { describe, expect, it } from 'vitest';
import { containerOf, envOf, groupAffinity, originalLabels, podSpec, profileOf, synth } from '../helpers/synth';

describe('postgres (default profile: no persistence)', () => {
  const out = synth(profileOf('default'));
  const sts = out.find('StatefulSet', 'postgres');

  it('runs dojot/postgres:9.5.21-alpine, governed by its ClusterIP Service on 5432', () => {
    expect(originalLabels(sts.metadata.labels)).toEqual({ app: 'dojot', name: 'postgres' });
    expect(sts.spec.selector.matchLabels).toEqual({ app: 'dojot', name: 'postgres' });
    expect(sts.spec.serviceName).toBe('postgres');
    expect(sts.spec.replicas).toBe(1);
    expect(containerOf(sts).image).toBe('dojot/postgres:9.5.21-alpine');
    expect(podSpec(sts).affinity).toBeUndefined();
    const s = out.find('Service', 'postgres');
    expect(originalLabels(s.metadata.labels)).toEqual({ name: 'postgres' });
    expect(s.spec).toEqual({ type: 'ClusterIP', ports: [{ port: 5432, targetPort: 5432 }], selector: { app: 'dojot', name: 'postgres' } });
  });

  it("takes its superuser from postgres-secret and each service's password from that service's Secret", () => {
    expect(envOf(sts)).toEqual({
      POSTGRES_USER: 'postgres-secret:user',
      POSTGRES_PASSWORD: 'postgres-secret:password',
      POSTGRES_DB: 'postgres',
      KONG_DB_PASSWORD: 'kong-secret:password',
      EJBCA_DB_PASSWORD: 'x509-identity-mgmt-secret:password',
      AUTH_DB_PASSWORD: 'auth-secret:password',
      DEVM_DB_PASSWORD: 'devm-secret:password',
    });
    // device-manager's Secret exists only where device-manager is deployed (the full flavours).
    const devm = containerOf(sts).env.find((e: { name: string }) => e.name === 'DEVM_DB_PASSWORD');
    expect(devm.valueFrom.secretKeyRef).toEqual({ name: 'devm-secret', key: 'password', optional: true });
  });

  it('mounts the init script from postgres-init, and no data volume', () => {
    expect(containerOf(sts).volumeMounts).toEqual([{ name: 'postgres-init', mountPath: '/docker-entrypoint-initdb.d/' }]);
    expect(podSpec(sts).volumes).toEqual([{ name: 'postgres-init', configMap: { name: 'postgres-init' } }]);
    expect(sts.spec.volumeClaimTemplates).toBeUndefined();
  });

  it("creates kong's, ejbca's, auth's and devm's databases and users, with no password in the script", () => {
    const script = out.find('ConfigMap', 'postgres-init').data['init-db.sh'] as string;
    expect(script.startsWith('#!/usr/bin/env bash\nset -euo pipefail\n')).toBe(true);
    for (const [user, env] of [
      ['kong', 'KONG_DB_PASSWORD'],
      ['ejbca', 'EJBCA_DB_PASSWORD'],
      ['auth', 'AUTH_DB_PASSWORD'],
      ['devm', 'DEVM_DB_PASSWORD'],
    ]) {
      expect(script).toContain(`psql -v ON_ERROR_STOP=1 -d "$POSTGRES_DB" -U "$POSTGRES_USER" -v password="$${env}" <<-'EOSQL'`);
      expect(script).toContain(`\tCREATE DATABASE "${user}";\n\tCREATE USER "${user}" WITH ENCRYPTED PASSWORD :'password';\n`);
    }
    // kong and ejbca own their database; auth and device-manager create their tenants' databases.
    expect(script).toContain('\tGRANT ALL PRIVILEGES ON DATABASE "kong" TO "kong";');
    expect(script).toContain('\tGRANT ALL PRIVILEGES ON DATABASE "ejbca" TO "ejbca";');
    expect(script).toContain('\tALTER ROLE "auth" WITH CREATEDB;');
    expect(script).toContain('\tALTER ROLE "devm" WITH CREATEDB;');
    // device-manager's user only where its password is set.
    expect(script).toMatch(/if \[ -n "\$\{DEVM_DB_PASSWORD:-\}" \]; then\npsql [^\n]+\n(\t[^\n]+\n){3}EOSQL\nfi\n/);
  });

  it('is ready and alive while pg_isready answers over TCP', () => {
    const c = containerOf(sts);
    const check = ['sh', '-c', 'pg_isready -h 127.0.0.1 -p 5432 -U "$POSTGRES_USER"'];
    expect(c.readinessProbe.exec.command).toEqual(check);
    expect(c.livenessProbe.exec.command).toEqual(check);
    expect(c.startupProbe).toEqual({ exec: { command: check }, failureThreshold: 18, periodSeconds: 10, timeoutSeconds: 5 });
  });
});

describe('postgres with the 100k preset', () => {
  const out = synth(profileOf('100k'));
  const sts = out.find('StatefulSet', 'postgres');

  it('claims psql-volume (2Gi of local-storage) by template, mounted at /var/lib/postgresql/data', () => {
    expect(sts.spec.volumeClaimTemplates).toEqual([
      {
        metadata: { name: 'psql-volume' },
        spec: {
          accessModes: ['ReadWriteOnce'],
          storageClassName: 'local-storage',
          resources: { requests: { storage: '2Gi' } },
          selector: { matchLabels: { app: 'dojot', db: 'postgres' } },
        },
      },
    ]);
    expect(containerOf(sts).volumeMounts).toEqual([
      { name: 'postgres-init', mountPath: '/docker-entrypoint-initdb.d/' },
      { name: 'psql-volume', mountPath: '/var/lib/postgresql/data' },
    ]);
  });

  it('is pinned to the dojot group, and still reads devm-secret optionally (no device-manager in 100k)', () => {
    expect(podSpec(sts).affinity).toEqual(groupAffinity('dojot'));
    expect(out.maybe('Deployment', 'device-manager')).toBeUndefined();
    expect(envOf(sts).DEVM_DB_PASSWORD).toBe('devm-secret:password');
  });
});

describe('postgres in every flavour', () => {
  it.each([
    ['default', { flavour: 'mosca' }],
    ['default', { flavour: 'lwm2m' }],
  ] as const)('is deployed by %s %j', (preset, layer) => {
    const out = synth(profileOf(preset, layer));
    expect(containerOf(out.find('StatefulSet', 'postgres')).image).toBe('dojot/postgres:9.5.21-alpine');
    expect(out.find('ConfigMap', 'postgres-init').data['init-db.sh']).toContain('CREATE DATABASE "kong";');
  });
});
