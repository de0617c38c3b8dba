import { describe, expect, it } from 'vitest';
import { earlierOutput } from './helpers/earlier-output';
import { GUIDE, expectPassed, failuresOf, rehearse } from './helpers/rehearse';

// An upgrade rehearsal deploys an earlier output on the guide's machines, lets it settle, then runs
// the README's steps for the current one over it (npm run rehearse -- --upgrade-from DIR).

describe('an upgrade over fields that cannot change in place (npm run rehearse -- --upgrade-from DIR)', () => {
  it('is refused by the API server exactly where npm run diff said, and each printed procedure gets it through', async () => {
    const earlier = earlierOutput(GUIDE, {
      // As the original's was: no serviceName.
      'StatefulSet/postgres': (o) => delete o.spec.serviceName,
      // A smaller claim template than today's.
      'StatefulSet/kafka-server': (o) => (o.spec.volumeClaimTemplates[0].spec.resources.requests.storage = '1Gi'),
      // A Job's template with a variable today's lacks.
      'Job/kong-route-config': (o) => {
        const container = o.spec.template.spec.containers[0];
        container.env = [...(container.env ?? []), { name: 'EARLIER', value: '1' }];
      },
      // A selector with one more label (and its pods with it).
      'Deployment/x509-identity-mgmt': (o) => {
        o.spec.selector.matchLabels.release = 'earlier';
        o.spec.template.metadata.labels.release = 'earlier';
      },
    });
    const r = await rehearse([...GUIDE, '--upgrade-from', earlier]);
    expectPassed(r);
    const refused = [
      'Deployment/dojot/x509-identity-mgmt',
      'Job/dojot/kong-route-config',
      'StatefulSet/dojot/kafka-server',
      'StatefulSet/dojot/postgres',
    ];
    const upgrade = r.report.upgrade;
    expect(upgrade?.refusals.map((x) => x.id).sort(), r.stderr).toEqual(refused);
    for (const x of upgrade?.refusals ?? []) {
      expect(x, x.id).toMatchObject({ predicted: true, procedureRan: true });
      expect(x.message, x.id).toMatch(/is invalid: .*(field is immutable|Forbidden)/);
    }
    expect(upgrade?.notInPlace).toEqual(expect.arrayContaining(refused));
    // The earlier output was deployed first, from its folder; the apply ran again after the procedures.
    const steps = r.report.steps.map((s) => s.step);
    expect(steps).toContain(`kubectl apply -f ${earlier}`);
    expect(steps.find((s) => s.includes('(again, after the procedures)'))).toBeDefined();
    expect(steps.filter((s) => /^kubectl -n dojot delete (statefulset|job|deployment) /.test(s)).length).toBe(refused.length);
  });
});

describe('an upgrade over fields that change in place', () => {
  it('is applied without a refusal, and every workload then runs its new template', async () => {
    const earlier = earlierOutput(GUIDE, {
      'Deployment/data-broker': (o) => (o.spec.template.spec.containers[0].resources.requests.memory = '64Mi'),
      'StatefulSet/vernemq-k8s': (o) => (o.spec.template.metadata.annotations = { ...o.spec.template.metadata.annotations, earlier: '1' }),
      'ConfigMap/kong-config': (o) => (o.data['kong-config.sh'] = `${o.data['kong-config.sh']}\n# earlier\n`),
    });
    const r = await rehearse([...GUIDE, '--upgrade-from', earlier]);
    expectPassed(r);
    expect(r.report.upgrade?.notInPlace).toEqual([]);
    expect(r.report.upgrade?.refusals).toEqual([]);
    expect(r.report.upgrade?.diff.at(-1)).toBe('3 changed, 0 added, 0 removed');
  });
});

describe('an upgrade whose refusal npm run diff did not predict (negative control)', () => {
  it("fails, naming the object and the server's words", async () => {
    // synth never writes an immutable ConfigMap, so npm run diff has no rule for one: made
    // immutable in the earlier output, it cannot take today's, and nothing predicted it.
    const earlier = earlierOutput(GUIDE, { 'ConfigMap/postgres-init': (o) => (o.immutable = true) });
    const r = await rehearse([...GUIDE, '--upgrade-from', earlier]);
    expect(r.status).toBe(1);
    const miss = r.report.failures.find((f) => f.object === 'ConfigMap/dojot/postgres-init');
    expect(miss?.message, failuresOf(r)).toMatch(
      /^the API server refused the upgrade \(ConfigMap "postgres-init" is invalid: .*immutable.*\), and npm run diff did not list it as impossible in place$/,
    );
    expect(r.report.upgrade?.refusals).toEqual([
      expect.objectContaining({ id: 'ConfigMap/dojot/postgres-init', predicted: false, procedureRan: false }),
    ]);
    // The rest came through: the only other complaint is kubectl diff's, about that ConfigMap.
    for (const f of r.report.failures.filter((x) => x !== miss)) {
      expect(f.object, failuresOf(r)).toMatch(/^kubectl diff -f /);
      expect(f.message).toContain('postgres-init');
    }
  });
});
