// No text of the profile names another variable of a container: Kubernetes expands `$(VAR)` in an
// env value (a Secret's value included) and reduces `$$` to `$`.
import { describe, expect, it } from 'vitest';
import { containerOf, envOf, profileOf, synth } from '../helpers/synth';

/** A `$(` that Kubernetes would expand: preceded by an odd run of `$`. */
const EXPANDED = /(^|[^$])(\$\$)*\$\(/;
/** The one reference the charts make on purpose: the brokers' node name from their pod's (charts/vernemq). */
const ON_PURPOSE = ['DOCKER_VERNEMQ_NODENAME'];

describe('a profile value with $(...) in it', () => {
  const out = synth(profileOf('default', { auth: { resetPasswordUrl: 'http://dojot.example/$(AUTH_DB_PWD)/$$x/' } }));

  it("reaches the container as the literal text it is ($ doubled, which Kubernetes' expansion turns back)", () => {
    expect(envOf(out.find('Deployment', 'auth')).AUTH_RESET_PWD_VIEW).toBe('http://dojot.example/$$(AUTH_DB_PWD)/$$$$x/');
  });

  it("leaves no reference Kubernetes would expand in any env value, but the brokers' own", () => {
    const workloads = out.objects.filter((o) => o.spec?.template?.spec?.containers);
    expect(workloads.length).toBeGreaterThan(10);
    const expanded = workloads.flatMap((w) =>
      [...(w.spec.template.spec.initContainers ?? []), ...w.spec.template.spec.containers].flatMap(
        (c: { name: string; env?: { name: string; value?: string }[] }) =>
          (c.env ?? [])
            .filter((e) => e.value !== undefined && EXPANDED.test(e.value) && !ON_PURPOSE.includes(e.name))
            .map((e) => `${w.metadata.name}/${c.name}: ${e.name}`),
      ),
    );
    expect(expanded).toEqual([]);
    expect(EXPANDED.test('http://x/$(AUTH_DB_PWD)')).toBe(true);
    expect(EXPANDED.test('http://x/$$(AUTH_DB_PWD)')).toBe(false);
  });

  it('keeps the one reference made on purpose', () => {
    const vernemq = containerOf(out.find('StatefulSet', 'vernemq-k8s'));
    expect(vernemq.env.find((e: { name: string }) => e.name === 'DOCKER_VERNEMQ_NODENAME').value).toMatch(/^\$\(MY_POD_NAME\)\./);
  });
});
