import { describe, expect, it } from 'vitest';
import { GUIDE, failuresOf, profileFile, rehearse } from './helpers/rehearse';

describe("negative controls: rehearsals that must fail, in the scheduler's or the checks' own words", () => {
  it('a dojot machine too small for what it must hold (capacity.onExcess: warn): the scheduler leaves pods Pending', async () => {
    const small = profileFile(
      'small.yaml',
      "preset: 100k\ncapacity: { onExcess: warn, machines: { dojot: { count: 1, cores: 4, memory: '1Gi' } } }\n",
    );
    const r = await rehearse(['--profile', small, '--inventory', 'examples/guide-100k']);
    expect(r.status).toBe(1);
    expect(r.report.ok).toBe(false);
    expect(failuresOf(r)).toMatch(/is not scheduled: 0\/6 nodes are available: .*Insufficient memory/);
  });

  it('an output whose node labels no node carries (--nodes-from): nothing pinned is scheduled', async () => {
    const relabelled = profileFile(
      'relabelled.yaml',
      'preset: 100k\nplacement: { nodeLabels: { dojot: dojot-a, kafka: kafka-a, x509: x509-a, vernemq: vernemq-a } }\n',
    );
    const r = await rehearse(['--profile', relabelled, '--inventory', 'examples/guide-100k', '--nodes-from', '100k']);
    expect(r.status).toBe(1);
    expect(failuresOf(r)).toMatch(/is not scheduled: 0\/6 nodes are available: 6 node\(s\) didn't match Pod's node affinity\/selector/);
  });

  it('a Deployment that references a Secret nobody creates: kwok runs it, the reference check does not', async () => {
    const extra = profileFile(
      'orphan.yaml',
      JSON.stringify({
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'orphan', namespace: 'dojot' },
        spec: {
          selector: { matchLabels: { app: 'orphan' } },
          template: {
            metadata: { labels: { app: 'orphan' } },
            spec: {
              securityContext: { runAsNonRoot: true, runAsUser: 1000, seccompProfile: { type: 'RuntimeDefault' } },
              containers: [
                {
                  name: 'orphan',
                  image: 'registry.example/orphan:1.0',
                  securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
                  env: [{ name: 'PASSWORD', valueFrom: { secretKeyRef: { name: 'no-such-secret', key: 'password' } } }],
                },
              ],
            },
          },
        },
      }),
    );
    const r = await rehearse([...GUIDE, '--extra', extra]);
    expect(r.status).toBe(1);
    // That pod alone fails, and only for the reference: it is scheduled and Running under kwok.
    expect(r.report.failures.length, failuresOf(r)).toBe(1);
    expect(r.report.failures[0].object).toMatch(/^Pod dojot\/orphan-/);
    expect(r.report.failures[0].message).toBe('container orphan, env PASSWORD references Secret no-such-secret, which does not exist');
  });

  it('an object of an API that 1.35 lacks: 1.37 admits it, the dry run on 1.35.4 refuses it', async () => {
    // admissionregistration.k8s.io/v1 MutatingAdmissionPolicy: in 1.37's API (api/openapi-spec), not in 1.35.4's.
    const newer = profileFile(
      'newer-api.yaml',
      [
        'apiVersion: admissionregistration.k8s.io/v1',
        'kind: MutatingAdmissionPolicy',
        'metadata: { name: rehearsal-newer-api }',
        'spec:',
        '  failurePolicy: Ignore',
        '  reinvocationPolicy: Never',
        '  matchConstraints:',
        '    resourceRules: [{ apiGroups: [apps], apiVersions: [v1], operations: [CREATE], resources: [deployments] }]',
        '  mutations:',
        '  - patchType: ApplyConfiguration',
        `    applyConfiguration: { expression: "Object{metadata: Object.metadata{labels: {'rehearsed': 'yes'}}}" }`,
        '',
      ].join('\n'),
    );
    const r = await rehearse([...GUIDE, '--extra', newer]);
    expect(r.status).toBe(1);
    expect(r.report.failures.length, failuresOf(r)).toBe(1);
    expect(r.report.failures[0].object).toBe(`kubectl apply --dry-run=server -f ${newer} on v1.35.4`);
    expect(r.report.failures[0].message).toMatch(
      /no matches for kind "MutatingAdmissionPolicy" in version "admissionregistration.k8s.io\/v1"/,
    );
  });
});
