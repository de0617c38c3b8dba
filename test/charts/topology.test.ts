import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../app/synthesize';
import { renderDot } from '../../app/topology/dot';
import { FONT_FAMILIES, LAYOUT_FONT } from '../../app/topology/fonts';
import { GIVEN, graphvizEntry, graphvizFiles } from '../../app/topology/graphviz-cache';
import { type Layout, loadLayout } from '../../app/topology/graphviz';
import { drawTopology } from '../../app/topology/picture';
import { UNFIXED_NODE_PORT, topologyGraph } from '../../app/topology/topology-graph';
import type { Profile } from '../../profile/types';
import { runSynth } from '../helpers/run-synth';
import { type Synthesized, lbProfile, profileOf, synth } from '../helpers/synth';
import { tempDir } from '../helpers/temp';

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
/** The nodes drawn, by Graphviz's title (their id). */
const nodesOf = (svg: string) => [...svg.matchAll(/<g id="node\d+" class="node">\s*<title>([^<]*)<\/title>/g)].map((m) => decode(m[1]));
/** The entry points from the top of the picture down: each node's id, by the top of its shape. */
const entriesTopDown = (svg: string) =>
  [...svg.matchAll(/<title>(entry\/[^<]*)<\/title>\s*<polygon[^>]* points="([^"]*)"/g)]
    .map((m) => ({ id: decode(m[1]), top: Math.min(...m[2].split(' ').map((xy) => Number(xy.split(',')[1]))) }))
    .sort((a, b) => a.top - b.top)
    .map((e) => e.id);
/** The label of a box (cluster) of the graph, line by line. */
const boxLines = (p: Profile, s: Synthesized, id: string) =>
  String(topologyGraph(p, manifestsOf(s)).clusters.find((c) => c.id === id)?.attributes.label ?? '').split('\n');
/** The picture of a profile, as npm run synth draws it. */
const pictureOf = (p: Profile) => {
  const s = synth(p);
  return drawTopology(s.profile, manifestsOf(s), layout);
};

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
    const svg = pictureOf(lbProfile('100k', { apigw: { mutualTls: true } }));
    expect(edgesOf(svg)).toContain('entry/apigws->service/kong-external');
    expect(textsOf(svg)).toContain('NodePort 30002');
  });

  it("shows the LwM2M agent's UDP ports behind nginx, and unpinned pods on any node", () => {
    const texts = textsOf(pictureOf(lbProfile('default', { flavour: 'lwm2m' })));
    expect(texts).toContain('(HAProxy, nginx for LwM2M)');
    expect(texts.some((t) => t.endsWith('/udp'))).toBe(true);
    expect(texts).toContain('on any node');
  });
});

describe('the picture draws only what exists', () => {
  it('draws no load balancer without an inventory (none is written), and says so', () => {
    for (const p of [profileOf('100k'), profileOf('default', { flavour: 'lwm2m' })]) {
      const s = synth(p);
      const dot = renderDot(topologyGraph(p, manifestsOf(s)));
      expect(dot).not.toContain('cluster_load-balancer');
      expect(dot).not.toContain('"entry/');
      const svg = pictureOf(p);
      expect(nodesOf(svg).filter((n) => n.startsWith('entry/'))).toEqual([]);
      expect(textsOf(svg)).not.toContain('load balancer');
      expect(textsOf(svg)).toContain('(no inventory: no load balancer)');
      // The Services are still there, with the workloads they lead to.
      expect(nodesOf(svg)).toContain(p.flavour === 'lwm2m' ? 'service/iotagent-lwm2m' : 'service/vernemq-k8s-external-service');
    }
    // With the guide's inventory: the load balancer and its entry points.
    const svg = pictureOf(lbProfile('100k'));
    expect(textsOf(svg)).toContain('load balancer');
    expect(nodesOf(svg)).toContain('entry/mqtt');
    expect(textsOf(svg)).not.toContain('(no inventory: no load balancer)');
  });

  it(`shows a NodePort the profile does not fix as "${UNFIXED_NODE_PORT}", with no number`, () => {
    const p = lbProfile('default', { flavour: 'lwm2m' });
    expect(p.nodePorts.fixed).toBe(false);
    const texts = textsOf(pictureOf(p));
    expect(texts).toEqual(expect.arrayContaining(['5683/udp → NodePort assigned by Kubernetes', '80 → NodePort assigned by Kubernetes']));
    // The edges from the load balancer say it too; no NodePort number anywhere.
    expect(texts.filter((t) => t === `NodePort ${UNFIXED_NODE_PORT}`).length).toBeGreaterThanOrEqual(7);
    expect(texts.filter((t) => /NodePort \d/.test(t))).toEqual([]);
    // Fixed (the 100k preset): the numbers, on the Services and on the edges.
    const fixed = textsOf(pictureOf(lbProfile('100k', { flavour: 'lwm2m' })));
    expect(fixed).toEqual(expect.arrayContaining(['5683/udp → NodePort 30006', 'NodePort 30006', '80 → NodePort 30003']));
    expect(fixed.some((t) => t.includes(UNFIXED_NODE_PORT))).toBe(false);
  });

  it("puts the entry points in port order, top to bottom (LwM2M's among them), and each Service's ports in order", () => {
    const svg = pictureOf(lbProfile('default', { flavour: 'lwm2m' }));
    expect(entriesTopDown(svg)).toEqual([
      'entry/apigw', // 80
      'entry/lwm2m-coap', // 5683/udp
      'entry/lwm2m-coaps', // 5684/udp
      'entry/lwm2m-file-server', // 5693/udp
      'entry/lwm2m-file-servers', // 5694/udp
      'entry/lwm2m-http', // 5896
      'entry/metrics', // 8080
    ]);
    const lines = textsOf(svg).filter((t) => / → NodePort/.test(t) && t.includes('/udp'));
    expect(lines.map((t) => Number.parseInt(t, 10))).toEqual([5683, 5684, 5693, 5694]);
    // The 100k preset's, and the API servers' port in its place when the inventory has control-plane nodes.
    expect(entriesTopDown(pictureOf(lbProfile('100k')))).toEqual(['entry/apigw', 'entry/mqtt', 'entry/metrics', 'entry/mqtts']);
    const withControlPlane = lbProfile('100k');
    const cp = {
      ...withControlPlane,
      loadBalancer: { ...withControlPlane.loadBalancer, nodes: { ...withControlPlane.loadBalancer.nodes, controlPlane: ['192.168.0.10'] } },
    };
    expect(entriesTopDown(pictureOf(cp))).toEqual(['entry/apigw', 'entry/mqtt', 'entry/kube-api', 'entry/metrics', 'entry/mqtts']);
  });

  it("shows each node group's machines (capacity.machines) and, with an inventory, their addresses", () => {
    const p = lbProfile('100k');
    const s = synth(p);
    expect(boxLines(p, s, 'group-vernemq')).toEqual([
      'node group vernemq',
      '(dojot.components/group=vernemq)',
      '3 machines: 8 cores, 8Gi each',
      'mqtt_nodes: 192.168.0.14, 192.168.0.15, 192.168.0.16',
    ]);
    expect(boxLines(p, s, 'group-dojot')).toEqual([
      'node group dojot',
      '(dojot.components/group=dojot)',
      '1 machine: 4 cores, 4Gi',
      'apigw_nodes: 192.168.0.13',
    ]);
    expect(boxLines(p, s, 'group-x509')).toEqual(['node group x509', '(dojot.components/group=x509)', '1 machine: 4 cores, 4Gi']);
    expect(boxLines(p, s, 'helm')).toContain('metrics_nodes: 192.168.0.13');
    const texts = textsOf(pictureOf(p));
    expect(texts).toEqual(
      expect.arrayContaining(['3 machines: 8 cores, 8Gi each', 'mqtt_nodes: 192.168.0.14, 192.168.0.15, 192.168.0.16']),
    );
    // No inventory: the machines, no address.
    const alone = profileOf('100k');
    expect(boxLines(alone, synth(alone), 'group-vernemq')).toEqual([
      'node group vernemq',
      '(dojot.components/group=vernemq)',
      '3 machines: 8 cores, 8Gi each',
    ]);
    expect(textsOf(pictureOf(alone)).filter((t) => t.includes('192.168.'))).toEqual([]);
  });

  it('counts the machines from the inventory when the profile does not, lists a long inventory in part, and names groups that share addresses once', () => {
    const unknown = { count: 0, cores: 0, memory: '0' };
    const p = lbProfile('100k', { capacity: { machines: { vernemq: unknown } } });
    const many = Array.from({ length: 12 }, (_, i) => `10.0.0.${i + 1}`);
    const big = { ...p, loadBalancer: { ...p.loadBalancer, nodes: { ...p.loadBalancer.nodes, mqtt: many } } };
    expect(boxLines(big, synth(big), 'group-vernemq')).toEqual([
      'node group vernemq',
      '(dojot.components/group=vernemq)',
      '12 machines in the inventory',
      'mqtt_nodes: 10.0.0.1, 10.0.0.2, 10.0.0.3',
      '10.0.0.4, 10.0.0.5, 10.0.0.6',
      '10.0.0.7, 10.0.0.8, 10.0.0.9',
      'and 3 more',
    ]);
    // Kong and the LwM2M agent on the guide's one dojot machine.
    const lwm2m = lbProfile('100k', { flavour: 'lwm2m', capacity: { machines: { dojot: unknown } } });
    expect(boxLines(lwm2m, synth(lwm2m), 'group-dojot')).toEqual([
      'node group dojot',
      '(dojot.components/group=dojot)',
      '1 machine in the inventory',
      'apigw_nodes, lwm2m_nodes: 192.168.0.13',
    ]);
  });

  it(`lays the text out in ${LAYOUT_FONT}'s metrics and asks the viewer for it first (${FONT_FAMILIES})`, () => {
    const svg = pictureOf(lbProfile('100k'));
    const families = new Set([...svg.matchAll(/font-family="([^"]*)"/g)].map((m) => m[1]));
    expect([...families]).toEqual([FONT_FAMILIES]);
    expect(FONT_FAMILIES.split(',')[0]).toBe(LAYOUT_FONT);
    const dot = renderDot(topologyGraph(lbProfile('100k'), manifestsOf(synth(lbProfile('100k')))));
    expect(dot.match(/fontname="[^"]*"/g)?.every((f) => f === `fontname="${LAYOUT_FONT}"`)).toBe(true);
  });

  it('draws the same bytes in another locale and time zone (Estonian sorts z before x; Chatham is UTC+12:45)', () => {
    const script = path.join(__dirname, '..', 'picture', 'draw-picture.ts');
    for (const [preset, flavour] of [['default'], ['100k', 'lwm2m']]) {
      const p = flavour ? lbProfile(preset, { flavour: flavour as 'lwm2m' }) : lbProfile(preset);
      const here = pictureOf(p);
      const there = spawnSync(process.execPath, ['--import', 'tsx', script, preset, ...(flavour ? [flavour] : []), '--inventory'], {
        encoding: 'utf8',
        maxBuffer: 16 * 1024 * 1024,
        env: { ...process.env, LANG: 'et_EE.UTF-8', LC_ALL: 'et_EE.UTF-8', TZ: 'Pacific/Chatham' },
      });
      expect(there.stderr).toBe('');
      expect(there.status).toBe(0);
      expect(there.stdout).toBe(here);
    }
  });
});

describe('Graphviz, loaded from a copy of its package that is given its WebAssembly decoded', () => {
  /** A package of that name, version and module in a node_modules of its own. */
  const fakePackage = (version: string, module: string) => {
    const dir = path.join(tempDir('dojot-graphviz-'), 'node_modules', '@hpcc-js', 'wasm-graphviz');
    fs.mkdirSync(path.join(dir, 'dist'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: '@hpcc-js/wasm-graphviz', version }));
    fs.writeFileSync(path.join(dir, 'dist', 'index.js'), module);
    return path.join(dir, 'dist', 'index.js');
  };

  it('copies the package once, hooked, keeps the bytes the copy decodes, then gives them to it', () => {
    const entry = fakePackage('1.29.2', 'let Lr;function kt(){return Lr??=Ct(ro(to)),St({wasmBinary:Lr})}');
    const first = graphvizFiles(entry);
    expect(first.module).toMatch(/node_modules\/\.cache\/dojot-cdk8s\/graphviz-1\.29\.2-\d+-\d+\/index\.mjs$/);
    expect(first.wasm).toBeUndefined();
    expect(fs.readFileSync(first.module, 'utf8')).toContain(`Lr??=(globalThis.${GIVEN}??`);
    fs.writeFileSync(first.keep as string, 'the decoded bytes');
    expect(graphvizFiles(entry)).toEqual({ module: first.module, wasm: first.keep });
  });

  it('loads another version as it is (its decoding is not the one statement the copy replaces)', () => {
    const entry = fakePackage('1.30.0', 'function kt(){return St({wasmBinary:decode(data)})}');
    expect(graphvizFiles(entry)).toEqual({ module: entry });
  });

  it('has that statement in the installed package, and draws with the copy the same bytes as the package itself', () => {
    expect(graphvizFiles().module).toContain(path.join('node_modules', '.cache', 'dojot-cdk8s'));
    const dot = renderDot(topologyGraph(lbProfile('100k'), manifestsOf(synth(lbProfile('100k')))));
    const itself = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { Graphviz } from ${JSON.stringify(graphvizEntry())}; const g = await Graphviz.load(); let dot = ''; for await (const c of process.stdin) dot += c; process.stdout.write(g.dot(dot, 'svg'));`,
      ],
      { input: dot, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
    );
    expect(itself.status).toBe(0);
    expect(layout(dot)).toBe(itself.stdout);
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
