// backstage (charts/backstage): its image, Kong's proxy as host and port, auth's address, its PostgreSQL pools, and its Service.
import { describe, expect, it } from 'vitest';
import { envOf, imagesOf, profileOf, synth } from '../helpers/synth';

describe('backstage (default profile: vernemq flavour)', () => {
  const out = synth(profileOf('default'));

  // backstage joins LOCAL_URL and LOCAL_PORT itself (dojot/backstage v0.6.0 src/config.js): a port in the URL made http://kong:8000:8000.
  it("backstage: Kong's proxy as a host and a port", () => {
    const d = out.find('Deployment', 'backstage');
    expect(imagesOf(d)).toEqual(['dojot/backstage:v0.6.0']);
    expect(envOf(d)).toEqual({
      PORT: '3005',
      LOCAL_URL: 'http://kong',
      LOCAL_PORT: '8000',
      AUTH_INTERNAL_URL: 'http://auth',
      AUTH_INTERNAL_PORT: '5000',
      // Both its PostgreSQL pools log in as device-manager's user (charts/backstage/start-contract.ts).
      DEVICE_MANAGER_POSTGRES_HOST: 'postgres',
      DEVICE_MANAGER_POSTGRES_PORT: '5432',
      DEVICE_MANAGER_POSTGRES_USER: 'devm-secret:user',
      DEVICE_MANAGER_POSTGRES_PASSWORD: 'devm-secret:password',
      DEVICE_MANAGER_POSTGRES_DATABASE: 'devm',
      BACKSTAGE_DASHBOARD_DB_HOST: 'postgres',
      BACKSTAGE_DASHBOARD_DB_PORT: '5432',
      BACKSTAGE_DASHBOARD_DB_USER: 'devm-secret:user',
      BACKSTAGE_DASHBOARD_DB_PASSWORD: 'devm-secret:password',
      BACKSTAGE_DASBOARD_DB_NAME: 'dojot_dash_users',
      PGDATABASE: 'dojot_dash_users',
    });
    expect(out.find('Service', 'backstage').spec.ports).toEqual([{ port: 3005 }]);
  });
});

describe("addresses follow the other services' contracts", () => {
  const out = synth(profileOf('default', { minio: { port: 9100 }, kafka: { port: 9093 }, apigw: { httpPort: 8080 } }));

  it("backstage's Kong URL", () => {
    expect(envOf(out.find('Deployment', 'backstage'))).toMatchObject({ LOCAL_URL: 'http://kong', LOCAL_PORT: '8080' });
  });
});
