import { beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../app/synthesize';
import { renderDot } from '../../app/topology/dot';
import { type Layout, loadLayout } from '../../app/topology/graphviz';
import { drawTopology } from '../../app/topology/picture';
import { topologyGraph } from '../../app/topology/topology-graph';
import { runSynth } from '../helpers/run-synth';
import { type Synthesized, lbProfile, profileOf, synth } from '../helpers/synth';

/** The synthesized objects, by the file they are in, as the synth hands them to the picture. */
const manifestsOf = (s: Synthesized): Manifest[] => {
  const files = [...new Set(s.objects.map((o) => o.file))];
  return files.map((file) => ({ file, objects: s.objects.filter((o) => o.file === file).map(({ file: _, ...o }) => o) }));
};

const decode = (t: string) =>
  t
    .replace(/&#45;/g, '-')
    .replace(/&gt;/g, '>')
    .replace(/&lt;/g, '<')
    .replace(/&amp;/g, '&')
    .replace(/&#160;/g, ' ');
/** The lines of text a viewer sees in the SVG. */
const textsOf = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => decode(m[1]));
/** The edges, by Graphviz's title (`from->to`). */
const edgesOf = (svg: string) => [...svg.matchAll(/<g id="edge\d+" class="edge">\s*<title>([^<]*)<\/title>/g)].map((m) => decode(m[1]));

let layout: Layout;
beforeAll(async () => {
  layout = await loadLayout();
});

describe("the topology picture of the 100k preset, with the guide's load balancer", () => {
  const s = synth(lbProfile('100k'));
  let svg: string;
  beforeAll(() => {
    svg = drawTopology(s.profile, manifestsOf(s), layout);
  });

  it('shows the VerneMQ group with its brokers, the entry point 1883 and NodePort 30004', () => {
    expect(textsOf(svg)).toEqual(
      expect.arrayContaining(['node group vernemq', 'vernemq-k8s', 'StatefulSet × 3', ':1883', 'NodePort 30004', '1883 → NodePort 30004']),
    );
  });

  it('leads each entry point to its Service, and each Service to the workloads it selects', () => {
    expect(edgesOf(svg)).toEqual(
      expect.arrayContaining([
        'entry/mqtt->service/vernemq-k8s-external-service',
        'entry/mqtts->service/vernemq-k8s-external-service',
        'entry/apigw->service/kong-external',
        'service/vernemq-k8s-external-service->StatefulSet/vernemq-k8s',
        'service/kong-external->Deployment/kong',
        // Grafana's Service is made by the Helm chart of dist/helm, in the monitoring namespace.
        'service/grafana->helm/grafana',
      ]),
    );
    expect(textsOf(svg)).toContain('(namespace monitoring, made by Helm)');
  });

  it('puts each workload in the box of the node group it is pinned to', () => {
    const g = topologyGraph(s.profile, manifestsOf(s));
    const members = (id: string) => g.clusters.find((c) => c.id === id)?.nodes.map((n) => n.id);
    expect(members('group-vernemq')).toEqual(['StatefulSet/k2v-bridge', 'StatefulSet/v2k-bridge', 'StatefulSet/vernemq-k8s']);
    expect(members('group-kafka')).toEqual(['StatefulSet/kafka-loopback', 'StatefulSet/kafka-server', 'StatefulSet/zookeeper']);
    expect(members('group-x509')).toEqual(['Deployment/x509-identity-mgmt']);
    expect(members('group-any-node')).toBeUndefined();
  });

  it('draws the same bytes twice', () => {
    expect(drawTopology(s.profile, manifestsOf(s), layout)).toBe(svg);
  });

  it('is the reviewed graph (DOT, before the layout)', () => {
    expect(renderDot(topologyGraph(s.profile, manifestsOf(s)))).toMatchSnapshot();
  });
});

describe('the topology picture of other profiles', () => {
  it("shows Kong's HTTPS entry point with mutual TLS", () => {
    const s = synth(profileOf('100k', { apigw: { mutualTls: true } }));
    const edges = edgesOf(drawTopology(s.profile, manifestsOf(s), layout));
    expect(edges).toContain('entry/apigws->service/kong-external');
    expect(textsOf(drawTopology(s.profile, manifestsOf(s), layout))).toContain('NodePort 30002');
  });

  it("shows the LwM2M agent's UDP ports behind nginx, and unpinned pods on any node", () => {
    const s = synth(profileOf('default', { flavour: 'lwm2m' }));
    const texts = textsOf(drawTopology(s.profile, manifestsOf(s), layout));
    expect(texts).toContain('(HAProxy, nginx for LwM2M)');
    expect(texts.some((t) => t.endsWith('/udp'))).toBe(true);
    expect(texts).toContain('on any node');
  });
});

describe('npm run synth draws dist/topology.svg; the cdk8s app does not', () => {
  it('writes the picture with a layout, and none without', () => {
    const drawn = runSynth(['--profile', '100k', '--topology'], layout);
    expect(drawn.status).toBe(0);
    expect(textsOf(drawn.distAfter['topology.svg'])).toContain('node group vernemq');
    const plain = runSynth(['--profile', '100k']);
    expect(plain.status).toBe(0);
    expect(plain.distAfter['topology.svg']).toBeUndefined();
    const { 'topology.svg': _, ...rest } = drawn.distAfter;
    expect(rest).toEqual(plain.distAfter);
  });
});
