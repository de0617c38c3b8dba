import { App, Chart } from 'cdk8s';
import { k8s } from 'cdk8s-plus-27';
import { describe, expect, it } from 'vitest';
import { DojotChart } from '../../charts/dojot-chart';
import type { ContainerFacts } from '../../lib/container-facts';
import { DojotDeployment } from '../../lib/workloads';
import { podSpec } from '../helpers/synth';

const SIZE = { cpu: '50m', memory: '64Mi', memoryLimit: '128Mi' };
const PROBE = { tcpSocket: { port: k8s.IntOrString.fromNumber(80) } };
const PROBE_JSON = { tcpSocket: { port: 80 } };
const FACTS: ContainerFacts = {
  images: { registry: '', digests: {} },
  resources: { web: { web: SIZE, init: SIZE } },
  health: { web: { web: { readiness: PROBE, liveness: PROBE } } },
  security: {
    web: {
      web: { user: { uid: 101 }, dropAll: true, writable: ['/tmp', '/data'], env: { HOME: '/tmp' } },
      init: { dropAll: false, reason: 'runs as the image root to chown the data volume' },
    },
  },
};

function deployment(facts: ContainerFacts | undefined, init = true) {
  const app = new App();
  const chart = new DojotChart(app, 'web', {
    namespace: 'dojot',
    placement: { nodeAffinity: false, podAntiAffinity: false } as never,
    storage: { storageClassName: 'local', localVolumes: {} } as never,
    contracts: {},
    containerFacts: facts,
  });
  new DojotDeployment(chart, 'Deployment', {
    name: 'web',
    labels: { name: 'web' },
    placement: chart.placement,
    containers: [{ name: 'web', image: 'nginx', volumeMounts: [{ name: 'data', mountPath: '/data' }], env: [{ name: 'A', value: '1' }] }],
    volumes: [{ name: 'data', emptyDir: {} }],
    spec: init ? { initContainers: [{ name: 'init', image: 'busybox' }] } : {},
  });
  return podSpec(chart.toJson()[0]);
}

describe('a container built whole where its workload is built', () => {
  it('has its size, its probes and its lockdown, with an emptyDir for each path it writes that no volume covers', () => {
    const pod = deployment(FACTS);
    const [web] = pod.containers;
    expect(web.resources).toEqual({ requests: { cpu: '50m', memory: '64Mi' }, limits: { memory: '128Mi' } });
    expect(web.readinessProbe).toEqual(PROBE_JSON);
    expect(web.livenessProbe).toEqual(PROBE_JSON);
    expect(web.securityContext).toEqual({
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
      readOnlyRootFilesystem: true,
      runAsNonRoot: true,
      runAsUser: 101,
    });
    expect(web.volumeMounts).toEqual([
      { name: 'data', mountPath: '/data' },
      { name: 'scratch-tmp', mountPath: '/tmp' },
    ]);
    expect(web.env).toEqual([
      { name: 'A', value: '1' },
      { name: 'HOME', value: '/tmp' },
    ]);
    expect(pod.volumes).toEqual([
      { name: 'data', emptyDir: {} },
      { name: 'scratch-tmp', emptyDir: {} },
    ]);
    // An init container is sized and locked down, never probed.
    expect(pod.initContainers[0].resources.limits).toEqual({ memory: '128Mi' });
    expect(pod.initContainers[0].readinessProbe).toBeUndefined();
    expect(pod.initContainers[0].securityContext).toEqual({ allowPrivilegeEscalation: false });
  });

  it('is refused, named, when a fact of it is missing', () => {
    expect(() => deployment({ ...FACTS, resources: { web: { web: SIZE } } })).toThrow(
      'no resources for container init of Deployment web: add it to profile/resources.ts',
    );
    expect(() => deployment({ ...FACTS, health: { web: {} } })).toThrow('no health checks for container web of Deployment web');
    expect(() => deployment({ ...FACTS, security: { other: FACTS.security.web } })).toThrow(
      'no image security for container init of Deployment web',
    );
    expect(() => deployment({ ...FACTS, health: { web: { web: { own: 'its chart' } } } })).toThrow(
      'Deployment web: container web should set its own probes (its chart)',
    );
    expect(() => deployment(undefined)).toThrow('web/Deployment: its chart carries no container facts');
  });

  it('needs a chart that carries the facts', () => {
    const app = new App();
    const plain = new Chart(app, 'plain');
    expect(() => new DojotDeployment(plain, 'D', { name: 'x', labels: {}, placement: {} as never, containers: [{ name: 'x' }] })).toThrow(
      'carries no container facts',
    );
  });
});
