import { describe, expect, it } from 'vitest';
import { CONF_KEYS, IMAGE_ENVIRONMENT, VM_ARGS_FLAGS } from '../../charts/vernemq/image-facts';
import { COOKIE_ENV } from '../../charts/vernemq/start-script';
import { type ManifestObject, podSpec, profileOf, synth, originalLabels } from '../helpers/synth';

const POD_LABELS = { app: 'vernemq', vernemq: 'k8s' };

const out = synth(profileOf('100k'));
const sts = out.find('StatefulSet', 'vernemq-k8s');
const pod = podSpec(sts);
const broker = pod.containers.find((c: { name: string }) => c.name === 'vernemq');
const config = out.find('ConfigMap', 'vernemq-k8s-config').data as Record<string, string>;
const envValue = (name: string) => broker.env.find((e: { name: string }) => e.name === name)?.value;
const confEntries = (conf: string) =>
  conf
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => l.split(' = ') as [string, string]);
const matchesAll = (selector: Record<string, string>, labels: Record<string, string> = {}) =>
  Object.entries(selector).every(([k, v]) => labels[k] === v);
const podTemplates = (objects: readonly ManifestObject[]) => objects.filter((o) => o.spec?.template?.metadata?.labels);

describe('VerneMQ without an operator (100k preset)', () => {
  it('has no CRD, no VerneMQ resource, and no operator or bundler image anywhere', () => {
    expect(out.ofKind('CustomResourceDefinition')).toEqual([]);
    expect(out.objects.filter((o) => o.apiVersion.includes('vernemq.com'))).toEqual([]);
    const text = Object.values(out.files).join('\n');
    for (const word of ['vmq-operator', 'vmq-plugin-bundler', 'VMQ_BUNDLER_HOST', 'vmq_k8s']) expect(text).not.toContain(word);
  });

  it('runs three brokers of dojot/vernemq-dojot:v0.6.0 in one StatefulSet', () => {
    expect(
      out
        .ofKind('StatefulSet')
        .filter((s) => podSpec(s).containers.some((c: { image: string }) => c.image.startsWith('dojot/vernemq-dojot:'))),
    ).toHaveLength(1);
    expect(sts.spec.replicas).toBe(3);
    expect(broker.image).toBe('dojot/vernemq-dojot:v0.6.0');
    expect(originalLabels(sts.spec.template.metadata.labels)).toEqual(POD_LABELS);
    expect(sts.spec.selector.matchLabels).toEqual(POD_LABELS);
  });

  it('is governed by a headless Service that publishes not-ready addresses and carries epmd and the clustering port', () => {
    const governing = out.find('Service', sts.spec.serviceName);
    expect(governing.spec.clusterIP).toBe('None');
    expect(governing.spec.publishNotReadyAddresses).toBe(true);
    expect(governing.spec.ports.map((p: { port: number }) => p.port)).toEqual([4369, 44053]);
  });

  it.each(['vernemq-k8s', 'vernemq-k8s-external-service'])('keeps %s selecting exactly the broker pods', (name) => {
    const selector = out.find('Service', name).spec.selector;
    const selected = podTemplates(out.objects).filter((o) => matchesAll(selector, o.spec.template.metadata.labels));
    expect(selected.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual(['StatefulSet/vernemq-k8s']);
  });

  it("keeps the clients' Services as they were: names, ports and NodePorts 30004/30005", () => {
    expect(out.find('Service', 'vernemq-k8s').spec.ports.map((p: { name: string; port: number }) => `${p.name}:${p.port}`)).toEqual([
      'mqtt:1883',
      'mqtts:8883',
      'mqtt-ws:8080',
      'http:8888',
    ]);
    expect(out.find('Service', 'vernemq-k8s-external-service').spec.ports).toEqual([
      { name: 'mqtt', port: 1883, nodePort: 30004 },
      { name: 'mqtts', port: 8883, nodePort: 30005 },
    ]);
  });

  it('gives its ServiceAccount the right to list pods for discovery, and nothing more', () => {
    expect(pod.serviceAccountName).toBe('vernemq-k8s');
    expect(pod.automountServiceAccountToken).toBe(true);
    const binding = out.ofKind('RoleBinding').find((b) => b.subjects.some((s: { name: string }) => s.name === 'vernemq-k8s'));
    expect(binding).toBeDefined();
    const role = out.find('Role', binding!.roleRef.name);
    expect(role.rules).toEqual([{ apiGroups: [''], resources: ['pods'], verbs: ['get', 'list'] }]);
  });

  it('leaves the Role out when kubernetesRbac is off', () => {
    const noRbac = synth(profileOf('100k', { kubernetesRbac: false }));
    expect(noRbac.ofKind('Role')).toEqual([]);
    expect(noRbac.ofKind('RoleBinding')).toEqual([]);
    expect(noRbac.find('ServiceAccount', 'vernemq-k8s')).toBeDefined();
  });
});

describe('VerneMQ discovery', () => {
  const selectorOf = (value: string) => Object.fromEntries(value.split(',').map((kv) => kv.split('=')));

  it("sets the image's label selector explicitly to the broker pods' labels (the image defaults to app=vernemq)", () => {
    expect(selectorOf(envValue('DOCKER_VERNEMQ_KUBERNETES_LABEL_SELECTOR'))).toEqual(POD_LABELS);
  });

  it("lists exactly this StatefulSet's pods: a wrong selector would make single-node clusters, silently", () => {
    for (const profile of [profileOf('default'), profileOf('100k')]) {
      const o = synth(profile);
      const s = o.find('StatefulSet', 'vernemq-k8s');
      const env = podSpec(s).containers[0].env as { name: string; value?: string }[];
      const selector = selectorOf(env.find((e) => e.name === 'DOCKER_VERNEMQ_KUBERNETES_LABEL_SELECTOR')!.value!);
      expect(matchesAll(selector, s.spec.template.metadata.labels)).toBe(true);
      expect(podTemplates(o.objects).filter((t) => matchesAll(selector, t.spec.template.metadata.labels))).toEqual([s]);
    }
  });

  it("names each node by its pod's DNS name under the governing Service", () => {
    expect(envValue('DOCKER_VERNEMQ_KUBERNETES_SUBDOMAIN')).toBe(sts.spec.serviceName);
    expect(envValue('DOCKER_VERNEMQ_NODENAME')).toBe(
      '$(MY_POD_NAME).$(DOCKER_VERNEMQ_KUBERNETES_SUBDOMAIN).$(DOCKER_VERNEMQ_KUBERNETES_NAMESPACE).svc.$(DOCKER_VERNEMQ_KUBERNETES_CLUSTER_NAME)',
    );
    expect(envValue('DOCKER_VERNEMQ_KUBERNETES_CLUSTER_NAME')).toBe('cluster.local');
    // Kubernetes expands $(VAR) only from variables defined above.
    const names = broker.env.map((e: { name: string }) => e.name);
    for (const ref of [
      'MY_POD_NAME',
      'DOCKER_VERNEMQ_KUBERNETES_SUBDOMAIN',
      'DOCKER_VERNEMQ_KUBERNETES_NAMESPACE',
      'DOCKER_VERNEMQ_KUBERNETES_CLUSTER_NAME',
    ]) {
      expect(names.indexOf(ref)).toBeLessThan(names.indexOf('DOCKER_VERNEMQ_NODENAME'));
    }
  });

  it('starts the nodes in order, so that each joins a peer that is already up', () => {
    expect(sts.spec.podManagementPolicy).toBe('OrderedReady');
  });
});

describe('VerneMQ settings, checked against what the image reads', () => {
  it("sets only environment variables that the image's scripts or plugins read (or the start script)", () => {
    const names: string[] = broker.env.map((e: { name: string }) => e.name);
    expect(names.filter((n) => !Object.hasOwn(IMAGE_ENVIRONMENT, n) && n !== COOKIE_ENV)).toEqual([]);
    expect(config['start.sh']).toContain(`$${COOKIE_ENV}`);
  });

  it("writes only vernemq.conf keys that VerneMQ 1.10.0's schema knows", () => {
    const pattern = (key: string) => new RegExp(`^${key.replace(/\./g, '\\.').replace(/\$name/g, '[a-z0-9_]+')}$`);
    const known = Object.keys(CONF_KEYS).map(pattern);
    const keys = confEntries(config['vernemq.conf']).map(([k]) => k);
    expect(keys.length).toBeGreaterThan(20);
    expect(keys.filter((k) => !known.some((re) => re.test(k)))).toEqual([]);
  });

  it('writes only known vm.args flags', () => {
    const lines = config['vm.args'].trim().split('\n');
    expect(lines.filter((l) => !Object.keys(VM_ARGS_FLAGS).some((f) => l === f || l.startsWith(`${f} `)))).toEqual([]);
  });

  it("reproduces v0.6.0's broker settings (listeners, TLS, limits, netsplit, plugins)", () => {
    const conf = Object.fromEntries(confEntries(config['vernemq.conf']));
    expect(conf).toMatchObject({
      metadata_plugin: 'vmq_swc',
      'listener.tcp.default': '0.0.0.0:1883',
      'listener.ssl.default': '0.0.0.0:8883',
      'listener.ssl.default.certfile': '/vernemq/cert/###HOSTNAME###.crt',
      'listener.ssl.default.crlfile': '/vernemq/cert/ca.crl',
      'listener.ssl.default.require_certificate': 'on',
      'listener.ssl.default.use_identity_as_username': 'on',
      'listener.vmq.clustering': '###IPADDRESS###:44053',
      'listener.max_connections': 'infinity',
      max_online_messages: '50000',
      max_offline_messages: '50000',
      max_inflight_messages: '100',
      shared_subscription_policy: 'prefer_local',
      allow_register_during_netsplit: 'on',
      allow_publish_during_netsplit: 'on',
      allow_subscribe_during_netsplit: 'on',
      allow_unsubscribe_during_netsplit: 'on',
      'plugins.vmq_passwd': 'off',
      'plugins.vmq_acl': 'off',
      'plugins.dojot_acl_plugin': 'on',
      'plugins.dojot_disconnect_plugin': 'on',
    });
    expect(config['vm.args']).toContain('+P 256000\n');
    expect(envValue('EJBCA_ADDRESS')).toBe('x509-identity-mgmt:3000');
    expect(envValue('EXTERNAL_SERVER_HOSTNAME')).toBe('dojot.domain');
    expect(envValue('INTERNAL_DNS')).toBe('vernemq-k8s');
  });

  it("serves every Service port it declares: each listener's port is a named container port", () => {
    const conf = Object.fromEntries(confEntries(config['vernemq.conf']));
    const portOf = (name: string) => broker.ports.find((p: { name: string }) => p.name === name)?.containerPort;
    expect(conf['listener.tcp.default']).toBe(`0.0.0.0:${portOf('mqtt')}`);
    expect(conf['listener.ssl.default']).toBe(`0.0.0.0:${portOf('mqtts')}`);
    expect(conf['listener.ws.default']).toBe(`0.0.0.0:${portOf('mqtt-ws')}`);
    expect(conf['listener.http.default']).toBe(`0.0.0.0:${portOf('http')}`);
    expect(conf['listener.vmq.clustering']).toBe(`###IPADDRESS###:${portOf('vmq')}`);
  });

  it('takes its limits from the profile', () => {
    const tuned = synth(profileOf('100k', { vernemq: { maxConnections: 40000, maxOfflineMessages: 1000, processLimit: 500000 } }));
    const data = tuned.find('ConfigMap', 'vernemq-k8s-config').data;
    expect(data['vernemq.conf']).toContain('listener.max_connections = 40000\n');
    expect(data['vernemq.conf']).toContain('max_offline_messages = 1000\n');
    expect(data['vm.args']).toContain('+P 500000\n');
  });

  it('rolls the brokers when their configuration changes, and only then', () => {
    const checksum = (o: ReturnType<typeof synth>) =>
      o.find('StatefulSet', 'vernemq-k8s').spec.template.metadata.annotations['checksum/config'];
    expect(checksum(synth(profileOf('100k')))).toBe(checksum(out));
    expect(checksum(synth(profileOf('100k', { vernemq: { maxInflightMessages: 200 } })))).not.toBe(checksum(out));
  });
});

describe('VerneMQ lifecycle', () => {
  it('leaves the cluster under its real node name before it stops, within the grace period', () => {
    expect(pod.terminationGracePeriodSeconds).toBe(3600);
    const command = broker.lifecycle.preStop.exec.command.join(' ');
    expect(command).toContain('vmq-admin cluster leave node=VerneMQ@$DOCKER_VERNEMQ_NODENAME -k');
    expect(command).toContain('-t 3540');
    expect(command).toContain('vernemq stop');
  });

  it('follows vernemq.terminationGracePeriodSeconds', () => {
    const o = synth(profileOf('100k', { vernemq: { terminationGracePeriodSeconds: 600 } }));
    const s = podSpec(o.find('StatefulSet', 'vernemq-k8s'));
    expect(s.terminationGracePeriodSeconds).toBe(600);
    expect(s.containers[0].lifecycle.preStop.exec.command.join(' ')).toContain('-t 540');
  });

  it('is ready on /health of the HTTP listener, and alive while that listener answers', () => {
    expect(broker.readinessProbe.httpGet).toEqual({ path: '/health', port: 'http' });
    expect(broker.startupProbe.httpGet).toEqual({ path: '/health', port: 'http' });
    expect(broker.livenessProbe.tcpSocket).toEqual({ port: 'http' });
  });

  it("runs as the image's user 10000, without privilege escalation", () => {
    expect(pod.securityContext).toMatchObject({
      runAsUser: 10000,
      runAsGroup: 10000,
      runAsNonRoot: true,
      seccompProfile: { type: 'RuntimeDefault' },
    });
    expect(broker.securityContext).toMatchObject({ allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } });
  });

  it("keeps the image's entrypoint (tini) and runs the generated start script", () => {
    expect(broker.command).toBeUndefined();
    expect(broker.args).toEqual(['/bin/sh', '/etc/dojot/vernemq/start.sh']);
    expect(config['start.sh']).toMatch(/\/vernemq\/vmq_dojot\.sh\nexec start_vernemq\n$/);
    expect(envValue('USE_VMQ_OPERATOR')).toBe('y');
  });
});
