import { secretData } from '../../app/secrets/secret-manifests';
import { type Component, isDeployed } from '../../charts/component';
import { COMPONENTS } from '../../charts/components';
import { platformContracts } from '../../charts/contracts';
import type { PortContract, ServiceContract } from '../../lib/contract';
import type { StartPeer, StartVariable } from '../../lib/start-contract';
import type { ManifestObject } from './synth';

const WORKLOADS = ['Deployment', 'StatefulSet', 'DaemonSet', 'Job'];
const NAME = 'app.kubernetes.io/name';

interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: { secretKeyRef?: { name: string; key: string; optional?: boolean } };
}
interface Rule {
  from?: { podSelector?: { matchLabels?: Record<string, string>; matchExpressions?: { key: string; values: string[] }[] } }[];
  ports?: { port: number | string }[];
}

/**
 * Every way the synthesized `objects` break the start contracts of the components `profile`
 * deploys (each component's `start`), one line each: a container or variable missing, a
 * credential not from a generated Secret, a peer's address not its Service's, or no
 * NetworkPolicy letting that connection in. None: the contracts hold.
 */
export function startContractProblems(objects: readonly ManifestObject[], profile: Parameters<typeof platformContracts>[0]): string[] {
  const contracts = platformContracts(profile) as unknown as Record<string, { services: Record<string, ServiceContract> }>;
  const secrets = secretData(profile, { password: () => 'x', env: new Proxy({}, { get: () => 'x' }) });
  const policies = objects.filter((o) => o.kind === 'NetworkPolicy');
  const problems: string[] = [];
  for (const c of (COMPONENTS as readonly Component[]).filter((x) => x.start && isDeployed(x, profile))) {
    for (const [workload, containers] of Object.entries(c.start?.(profile) ?? {})) {
      const object = objects.find((o) => WORKLOADS.includes(o.kind) && o.metadata.name === workload);
      if (!object) {
        problems.push(`${c.name}: no workload ${workload}`);
        continue;
      }
      for (const [name, contract] of Object.entries(containers)) {
        const pod = object.spec.template.spec;
        const container = [...(pod.initContainers ?? []), ...pod.containers].find((x: { name: string }) => x.name === name);
        if (!container) {
          problems.push(`${workload}: no container ${name}`);
          continue;
        }
        const at = `${workload}/${name}`;
        const env = new Map<string, EnvVar>((container.env ?? []).map((e: EnvVar) => [e.name, e]));
        const labels = object.spec.template.metadata.labels as Record<string, string>;
        const own = contracts[c.name];
        const x = { contracts, own, secrets, policies, labels };
        for (const v of contract.env) problems.push(...variableProblems(at, v, env.get(v.name), x));
        for (const f of contract.files ?? []) {
          const mounts = (container.volumeMounts ?? []) as { mountPath: string }[];
          if (!mounts.some((m) => f.path === m.mountPath || f.path.startsWith(`${m.mountPath.replace(/\/$/, '')}/`)))
            problems.push(`${at}: reads ${f.path} (${f.source}), which no volume mounts`);
        }
        for (const peer of contract.peers ?? []) problems.push(...peerProblems(`${at}: reaches`, peer, x));
        const binaries = new Set(['sh', ...(contract.probeBinaries ?? []).map((b) => b.binary)]);
        for (const probe of ['readinessProbe', 'livenessProbe', 'startupProbe']) {
          const command = container[probe]?.exec?.command as string[] | undefined;
          if (!command) continue;
          const binary = command[0] === 'sh' && command[1] === '-c' ? command[2].trim().split(/[\s|;&]+/)[0] : command[0];
          if (binary !== 'grep' && !binaries.has(binary))
            problems.push(`${at}: its ${probe} runs ${binary}, which the contract does not say the image ships`);
        }
      }
    }
  }
  return problems;
}

interface Context {
  readonly contracts: Record<string, { services: Record<string, ServiceContract> }>;
  /** The component's own contract. */
  readonly own: { services: Record<string, ServiceContract> };
  readonly secrets: Record<string, Record<string, string>>;
  readonly policies: readonly ManifestObject[];
  readonly labels: Record<string, string>;
}

function variableProblems(at: string, v: StartVariable, e: EnvVar | undefined, x: Context): string[] {
  const where = `${at}: ${v.name} (${v.source})`;
  const value = e?.value ?? (e ? undefined : v.default?.value);
  if (!e && !v.default?.safe)
    return [`${where} is not set, and its default ${v.default ? `'${v.default.value}' does not work here` : 'is none'}`];
  const problems: string[] = [];
  if (v.credential) {
    const ref = e?.valueFrom?.secretKeyRef;
    if (!ref) problems.push(`${where} is a credential not read from a Secret`);
    else if (v.credential === 'optional' && ref.optional !== true)
      problems.push(`${where} reads ${ref.name}/${ref.key}, a Secret made by hand, without optional: true`);
    else if (v.credential !== 'optional' && (!x.secrets[ref.name] || !(ref.key in x.secrets[ref.name])))
      problems.push(`${where} reads ${ref.name}/${ref.key}, which npm run secrets does not make`);
  }
  if (v.value !== undefined && value !== v.value) problems.push(`${where} is '${value}', should be '${v.value}'`);
  if (v.listens) {
    const port = x.own.services[v.listens.service]?.ports[v.listens.port] as PortContract | undefined;
    const expected = port && String(port.targetPort ?? port.port);
    if (!expected) problems.push(`${where} names its Service ${v.listens.service} port ${v.listens.port}, which its contract lacks`);
    else if (value !== expected) problems.push(`${where} is '${value}', should be its Service's target port '${expected}'`);
  }
  if (v.peer) {
    const service = x.contracts[v.peer.to]?.services[v.peer.service];
    const port = service?.ports[v.peer.port] as PortContract | undefined;
    if (!service || !port) return [...problems, `${where} names ${v.peer.to} ${v.peer.service} ${v.peer.port}, which no contract has`];
    const expected = { host: service.name, port: String(port.port), url: `http://${service.name}` }[v.peer.part];
    if (value !== expected) problems.push(`${where} is '${value}', should be ${v.peer.to}'s '${expected}'`);
    problems.push(...peerProblems(where, { ...v.peer, source: v.source }, x));
  }
  return problems;
}

function peerProblems(where: string, peer: StartPeer, x: Context): string[] {
  const service = x.contracts[peer.to]?.services[peer.service];
  const port = service?.ports[peer.port] as PortContract | undefined;
  if (!service || !port) return [`${where} ${peer.to} ${peer.service} ${peer.port} (${peer.source}), which no contract has`];
  if (x.policies.length && !admitted(x.policies, service, port, x.labels))
    return [`${where}: no NetworkPolicy lets it reach ${service.name} on ${port.port}`];
  return [];
}

/** Whether a policy that selects the Service's pods lets the client's pods in on the port. */
function admitted(
  policies: readonly ManifestObject[],
  service: ServiceContract,
  port: PortContract,
  client: Record<string, string>,
): boolean {
  const target = port.targetPort ?? port.port;
  const selects = (p: ManifestObject) =>
    Object.entries(p.spec.podSelector.matchLabels ?? {}).every(([k, val]) => (service.selector as Record<string, string>)[k] === val);
  const fromClient = (r: Rule) =>
    !r.from ||
    r.from.some(
      (f) =>
        Object.entries(f.podSelector?.matchLabels ?? { '': '' }).every(([k, val]) => client[k] === val) ||
        (f.podSelector?.matchExpressions ?? []).some((m) => m.key === NAME && m.values.includes(client[NAME])),
    );
  return policies
    .filter((p) => p.spec.ingress && selects(p))
    .some((p) => (p.spec.ingress as Rule[]).some((r) => fromClient(r) && (r.ports ?? []).some((q) => q.port === target)));
}

/** The containers of `objects` (workload/container) that no deployed component's start contract describes. */
export function containersWithoutContract(objects: readonly ManifestObject[], profile: Parameters<typeof platformContracts>[0]): string[] {
  const described = new Set(
    (COMPONENTS as readonly Component[])
      .filter((c) => c.start && isDeployed(c, profile))
      .flatMap((c) =>
        Object.entries(c.start?.(profile) ?? {}).flatMap(([w, containers]) => Object.keys(containers).map((n) => `${w}/${n}`)),
      ),
  );
  return objects
    .filter((o) => WORKLOADS.includes(o.kind))
    .flatMap((o) => {
      const pod = o.spec.template.spec;
      return [...(pod.initContainers ?? []), ...pod.containers].map((c: { name: string }) => `${o.metadata.name}/${c.name}`);
    })
    .filter((at) => !described.has(at));
}
