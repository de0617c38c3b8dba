import { describe, expect, it } from 'vitest';
import { type ManifestObject, lbProfile, profileOf, synth } from '../helpers/synth';
import { containersWithoutContract, startContractProblems } from '../helpers/start-contracts';

// Every container's start contract (each component's `start`, read from its image's source)
// against the synthesized objects of every flavour.
const FLAVOURS = [
  ['vernemq (the whole platform)', () => synth(lbProfile('100k', { flavour: 'vernemq' }))],
  ['mosca', () => synth(profileOf('default', { flavour: 'mosca' }))],
  ['lwm2m', () => synth(profileOf('default', { flavour: 'lwm2m' }))],
  ['100k', () => synth(lbProfile('100k'))],
  [
    'default, the data stores and brokers on ports of their own',
    () =>
      synth(
        profileOf('default', {
          postgres: { port: 5433 },
          mongodb: { port: 27018 },
          kafka: { port: 9093 },
          optional: { influxdb: true, influxdbStorer: true, influxdbRetriever: true },
        }),
      ),
  ],
  [
    '100k, Kafka and Zookeeper ensembles',
    () => synth(profileOf('100k', { kafka: { clusterSize: 3 }, zookeeper: { clusterSize: 3 }, capacity: { onExcess: 'warn' } })),
  ],
  [
    'default, InfluxDB with its storer and retriever',
    () => synth(profileOf('default', { optional: { influxdb: true, influxdbStorer: true, influxdbRetriever: true } })),
  ],
  ['default, network policies off', () => synth(profileOf('default', { networkPolicies: { enabled: false } }))],
] as const;

describe.each(FLAVOURS)('the start contracts, %s', (_, make) => {
  it('hold: every variable without a safe default set, credentials from Secrets, peers at their Services', () => {
    const out = make();
    expect(startContractProblems(out.objects, out.profile)).toEqual([]);
  });

  it('describe every container of every workload', () => {
    const out = make();
    expect(out.objects.filter((o) => o.spec?.template?.spec?.containers).length).toBeGreaterThan(5);
    expect(containersWithoutContract(out.objects, out.profile)).toEqual([]);
  });
});

/** The objects with one variable taken out of a container's environment, or changed. */
function edited(objects: readonly ManifestObject[], workload: string, variable: string, value?: unknown): ManifestObject[] {
  const copy = structuredClone(objects) as ManifestObject[];
  const pod = copy.find((o) => o.kind === 'Deployment' && o.metadata.name === workload)?.spec.template.spec;
  const env = pod.containers[0].env as { name: string }[];
  const i = env.findIndex((e) => e.name === variable);
  expect(i, variable).toBeGreaterThanOrEqual(0);
  if (value === undefined) env.splice(i, 1);
  else env[i] = { name: variable, ...(value as object) };
  return copy;
}

describe('the start contract test', () => {
  const out = synth(profileOf('default'));

  it("fails when backstage's database credentials are taken out (v0.6.0 gave it none)", () => {
    expect(startContractProblems(edited(out.objects, 'backstage', 'DEVICE_MANAGER_POSTGRES_PASSWORD'), out.profile)).toEqual([
      "backstage/backstage: DEVICE_MANAGER_POSTGRES_PASSWORD (src/config.js) is not set, and its default 'postgres' does not work here",
    ]);
    expect(startContractProblems(edited(out.objects, 'backstage', 'BACKSTAGE_DASHBOARD_DB_USER'), out.profile)).toHaveLength(1);
  });

  it('fails on a credential written as a literal, or read from a Secret nobody makes', () => {
    expect(startContractProblems(edited(out.objects, 'backstage', 'DEVICE_MANAGER_POSTGRES_USER', { value: 'devm' }), out.profile)).toEqual(
      ['backstage/backstage: DEVICE_MANAGER_POSTGRES_USER (src/config.js) is a credential not read from a Secret'],
    );
    const unknown = { valueFrom: { secretKeyRef: { name: 'backstage-secret', key: 'user' } } };
    expect(startContractProblems(edited(out.objects, 'backstage', 'DEVICE_MANAGER_POSTGRES_USER', unknown), out.profile)).toEqual([
      'backstage/backstage: DEVICE_MANAGER_POSTGRES_USER (src/config.js) reads backstage-secret/user, which npm run secrets does not make',
    ]);
  });

  it('fails on a peer at the wrong address, or one no NetworkPolicy lets in', () => {
    expect(startContractProblems(edited(out.objects, 'backstage', 'LOCAL_PORT', { value: '8001' }), out.profile)).toEqual([
      "backstage/backstage: LOCAL_PORT (src/config.js) is '8001', should be kong's '8000'",
    ]);
    const noPostgres = out.objects.filter((o) => !(o.kind === 'NetworkPolicy' && o.metadata.name === 'postgres-ingress'));
    const backstage = startContractProblems(noPostgres, out.profile).filter((p) => p.startsWith('backstage/'));
    expect(backstage).toHaveLength(4);
    expect(backstage.every((p) => p.endsWith(': no NetworkPolicy lets it reach postgres on 5432'))).toBe(true);
  });

  it('names a container no contract describes', () => {
    const extra = structuredClone(out.objects) as ManifestObject[];
    extra.find((o) => o.kind === 'Deployment' && o.metadata.name === 'backstage')?.spec.template.spec.containers.push({ name: 'sidecar' });
    expect(containersWithoutContract(extra, out.profile)).toEqual(['backstage/sidecar']);
  });

  it('fails on a fixed value changed: the database its settings pool really connects to', () => {
    expect(startContractProblems(edited(out.objects, 'backstage', 'PGDATABASE'), out.profile)).toEqual([
      "backstage/backstage: PGDATABASE (src/db/index.js (userPool: database misspelled), pg 7.18 lib/connection-parameters.js) is not set, and its default 'the user name' does not work here",
    ]);
  });
});
