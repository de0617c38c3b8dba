import { describe, expect, it } from 'vitest';
import { pinnedGroup } from '../../lib/placement';
import { parseQuantity } from '../../profile/quantity';
import { ALL_IMAGE_SECURITY, allHealthChecks } from '../helpers/component-facts';
import { type ManifestObject, lbProfile, podSpec, profileOf, synth } from '../helpers/synth';

const PROFILES: [string, () => ReturnType<typeof synth>][] = [
  ['100k', () => synth(lbProfile('100k'))],
  ["the whole platform on the guide's settings", () => synth(lbProfile('100k', { flavour: 'vernemq' }))],
  // With InfluxDB its dojot machine is too small (test/charts/capacity.test.ts): warned, not refused.
  [
    'the whole platform and InfluxDB',
    () =>
      synth(
        lbProfile('100k', {
          flavour: 'vernemq',
          optional: { influxdb: true, influxdbStorer: true, influxdbRetriever: true },
          capacity: { onExcess: 'warn' },
        }),
      ),
  ],
  ['mosca', () => synth(profileOf('default', { flavour: 'mosca' }))],
  ['lwm2m', () => synth(profileOf('default', { flavour: 'lwm2m' }))],
];
/** The containers with nothing to probe (their component's `health` says why): none. */
const WITHOUT_PROBES: string[] = [];
const WORKLOADS = ['Deployment', 'StatefulSet', 'Job', 'DaemonSet'];
const workloadsOf = (out: ReturnType<typeof synth>) => out.objects.filter((o) => WORKLOADS.includes(o.kind));
interface ContainerJson {
  name: string;
  securityContext?: Record<string, unknown>;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
}
const containersOf = (w: ManifestObject) => [...(podSpec(w).initContainers ?? []), ...podSpec(w).containers] as ContainerJson[];
const matches = (selector: Record<string, string>, labels: Record<string, string> = {}) =>
  Object.entries(selector).every(([k, v]) => labels[k] === v);

describe.each(PROFILES)('workloads of %s', (_, make) => {
  const out = make();

  it('label every object and pod template with app.kubernetes.io/name and part-of dojot, never a selector', () => {
    for (const o of out.objects) {
      expect(o.metadata.labels?.['app.kubernetes.io/name'], `${o.kind}/${o.metadata.name}`).toBeTruthy();
      expect(o.metadata.labels?.['app.kubernetes.io/part-of'], `${o.kind}/${o.metadata.name}`).toBe('dojot');
    }
    for (const w of workloadsOf(out)) {
      expect(w.spec.template.metadata.labels['app.kubernetes.io/part-of']).toBe('dojot');
      expect(
        Object.keys(w.spec.selector?.matchLabels ?? {}).filter((k) => k.startsWith('app.kubernetes.io/')),
        w.metadata.name,
      ).toEqual([]);
    }
    for (const s of out.ofKind('Service'))
      expect(
        Object.keys(s.spec.selector ?? {}).filter((k) => k.startsWith('app.kubernetes.io/')),
        s.metadata.name,
      ).toEqual([]);
  });

  it('give every container, init containers too, CPU and memory requests and a memory limit at least the request', () => {
    for (const w of workloadsOf(out)) {
      for (const c of containersOf(w)) {
        const at = `${w.metadata.name}/${c.name}`;
        expect(c.resources?.requests?.cpu, at).toMatch(/^[0-9]+m?$/);
        expect(c.resources?.requests?.memory, at).toMatch(/^[0-9]+(Mi|Gi)$/);
        expect(parseQuantity(c.resources?.limits?.memory ?? '0'), at).toBeGreaterThanOrEqual(
          parseQuantity(c.resources?.requests?.memory ?? 'x'),
        );
        expect(c.resources?.limits?.cpu, `${at}: no CPU limit (throttling)`).toBeUndefined();
      }
    }
  });

  it('probe every long-running container with readiness and liveness, thresholds that do not flap; only a process with nothing to probe goes without, for a reason', () => {
    const table = allHealthChecks(out.profile);
    for (const w of workloadsOf(out).filter((x) => x.kind !== 'Job')) {
      for (const c of podSpec(w).containers as (ContainerJson & Record<string, { failureThreshold?: number; periodSeconds?: number }>)[]) {
        const at = `${w.metadata.name}/${c.name}`;
        const entry = table[w.metadata.name]?.[c.name];
        if (entry && 'none' in entry) {
          expect(WITHOUT_PROBES, at).toContain(at);
          expect(c.readinessProbe ?? c.livenessProbe, at).toBeUndefined();
          continue;
        }
        expect(c.readinessProbe, at).toBeDefined();
        expect(c.livenessProbe, at).toBeDefined();
        expect(c.readinessProbe.failureThreshold ?? 3, `${at}: readiness flaps`).toBeGreaterThanOrEqual(3);
        expect(c.livenessProbe.failureThreshold ?? 3, `${at}: liveness kills too soon`).toBeGreaterThanOrEqual(3);
        if (c.startupProbe)
          expect((c.startupProbe.failureThreshold ?? 3) * (c.startupProbe.periodSeconds ?? 10), at).toBeGreaterThanOrEqual(30);
      }
    }
  });

  it('lock every container down as far as its image allows, and say why where it stops', () => {
    for (const w of workloadsOf(out)) {
      const spec = podSpec(w);
      for (const c of containersOf(w)) {
        const at = `${w.metadata.name}/${c.name}`;
        const image = ALL_IMAGE_SECURITY[w.metadata.name]?.[c.name];
        expect(image, at).toBeDefined();
        if (!image.user || !image.dropAll || !image.writable) expect(image.reason, `${at}: why not further`).toMatch(/.{20,}/);
        const sc = c.securityContext ?? {};
        if (image.user) expect(sc, at).toMatchObject({ runAsNonRoot: true, runAsUser: image.user.uid });
        else expect(sc.runAsUser ?? spec.securityContext?.runAsUser, at).toBeUndefined();
        if (image.dropAll) expect(sc.capabilities, at).toEqual({ drop: ['ALL'] });
        if (image.writable) {
          expect(sc.readOnlyRootFilesystem, at).toBe(true);
          for (const path of image.writable) {
            const mount = (c as { volumeMounts?: { name: string; mountPath: string }[] }).volumeMounts?.find((m) => m.mountPath === path);
            expect(mount, `${at} writes ${path}`).toBeDefined();
            expect(
              spec.volumes.some((v: { name: string }) => v.name === mount?.name),
              `${at}: volume of ${path}`,
            ).toBe(true);
          }
        }
      }
    }
  });

  it("run every container without privilege escalation, and every pod under the runtime's seccomp profile", () => {
    for (const w of workloadsOf(out)) {
      expect(podSpec(w).securityContext?.seccompProfile, w.metadata.name).toEqual({ type: 'RuntimeDefault' });
      for (const c of containersOf(w)) expect(c.securityContext?.allowPrivilegeEscalation, `${w.metadata.name}/${c.name}`).toBe(false);
    }
  });

  it('mount an API token only in the pods that call the API, and bind them a Role', () => {
    const bound = new Set(out.ofKind('RoleBinding').flatMap((b) => b.subjects.map((s: { name: string }) => s.name)));
    for (const w of workloadsOf(out)) {
      const spec = podSpec(w);
      if (spec.automountServiceAccountToken === false) continue;
      expect(spec.automountServiceAccountToken, w.metadata.name).toBe(true);
      expect(bound.has(spec.serviceAccountName), `${w.metadata.name} mounts a token without a RoleBinding`).toBe(true);
    }
  });

  it('give every replicated workload a spread over the nodes and, where its pods have another machine to go to, a disruption budget of one; no budget blocks a single replica', () => {
    const budgets = out.ofKind('PodDisruptionBudget');
    const { placement, capacity } = out.profile;
    for (const w of workloadsOf(out).filter((x) => x.kind !== 'Job')) {
      const mine = budgets.filter((b) => matches(b.spec.selector.matchLabels, w.spec.template.metadata.labels));
      if ((w.spec.replicas ?? 1) >= 2) {
        // Pinned to a group of one known machine, a budget would block that machine's drain (npm run rehearse -- --drain).
        const group = pinnedGroup(podSpec(w), placement);
        const soleMachine = group !== undefined && capacity.machines[group].count === 1;
        expect(
          mine.map((b) => b.spec.maxUnavailable),
          w.metadata.name,
        ).toEqual(soleMachine ? [] : [1]);
        expect(podSpec(w).topologySpreadConstraints?.[0]?.topologyKey, w.metadata.name).toBe('kubernetes.io/hostname');
      }
      for (const b of mine) expect(b.spec.minAvailable ?? 0, b.metadata.name).toBeLessThan(w.spec.replicas ?? 1);
    }
  });

  it('roll every StatefulSet on a change (no OnDelete)', () => {
    for (const s of out.ofKind('StatefulSet'))
      expect(s.spec.updateStrategy?.type ?? 'RollingUpdate', s.metadata.name).toBe('RollingUpdate');
  });
});

describe('the namespace', () => {
  it('enforces Pod Security baseline and warns on restricted', () => {
    expect(synth(profileOf('100k')).find('Namespace', 'dojot').metadata.labels).toMatchObject({
      'pod-security.kubernetes.io/enforce': 'baseline',
      'pod-security.kubernetes.io/warn': 'restricted',
    });
  });

  it('is not created when it is `default`, which the cluster owns', () => {
    expect(synth(profileOf('100k', { namespace: 'default' })).ofKind('Namespace')).toEqual([]);
  });
});

describe('disruption budgets and the machines', () => {
  const budgetOf = (profile: ReturnType<typeof profileOf>, name: string) => synth(profile).maybe('PodDisruptionBudget', name);
  it("give kafka-loopback none on the guide's one Kafka machine, and one with three Kafka machines; the bridges keep theirs on three VerneMQ machines", () => {
    expect(budgetOf(profileOf('100k'), 'kafka-loopback')).toBeUndefined();
    expect(budgetOf(profileOf('100k'), 'v2k-bridge')?.spec.maxUnavailable).toBe(1);
    const threeKafkas = profileOf('100k', { capacity: { machines: { kafka: { count: 3, cores: 6, memory: '6Gi' } } } });
    expect(budgetOf(threeKafkas, 'kafka-loopback')?.spec.maxUnavailable).toBe(1);
  });
});

describe('kafka-pdb', () => {
  it("lets a drain take the single broker (the original's minAvailable 50% blocked it)", () => {
    const pdb = synth(profileOf('100k')).find('PodDisruptionBudget', 'kafka-pdb');
    expect(pdb.spec).toMatchObject({ maxUnavailable: 1 });
    expect(pdb.spec.minAvailable).toBeUndefined();
  });
});
