import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { loadInputs } from '../../profile/load';
import { ProfileError } from '../../profile/problems';
import { overridesOf } from '../../profile/layer-overrides';
import { type Outcome, runSynth } from '../helpers/run-synth';
import { GUIDE_HOSTS } from '../helpers/synth';
import { tempDir } from '../helpers/temp';

const FIXTURE_HOSTS = path.join(__dirname, '..', 'fixtures', 'inventory', 'guide.hosts.yaml');

/** The ports of haproxy.cfg's `server` lines, and the nodePorts of the Services synth wrote (Grafana's through its Helm values). */
function serverPortsAndNodePorts(o: Outcome): { servers: number[]; nodePorts: Set<number> } {
  const servers = [...o.distAfter['haproxy.cfg'].matchAll(/^\s+server \S+ \S+:(\d+)/gm)].map((m) => Number(m[1]));
  const nodePorts = new Set<number>();
  for (const [file, text] of Object.entries(o.distAfter)) {
    if (!file.endsWith('.k8s.yaml')) continue;
    for (const doc of parseAllDocuments(text)) {
      const obj = doc.toJS();
      if (obj?.kind !== 'Service') continue;
      for (const port of obj.spec.ports ?? []) if (port.nodePort) nodePorts.add(port.nodePort);
    }
  }
  for (const [file, text] of Object.entries(o.distAfter)) {
    if (!/^helm\/.*\.json$/.test(file)) continue;
    const grafana = JSON.parse(text).grafana?.service;
    if (grafana?.type === 'NodePort' && grafana.nodePort) nodePorts.add(grafana.nodePort);
  }
  return { servers, nodePorts };
}

describe("the README's first command", () => {
  it.each([
    ['the guide hosts file, with the group_vars beside it', GUIDE_HOSTS],
    ['a hosts file alone, on the default profile', FIXTURE_HOSTS],
  ])('writes a haproxy.cfg whose every server port is a NodePort of a Service in dist/: %s', (_, hosts) => {
    const o = runSynth(['--inventory', hosts]);
    expect(o.status, o.lines.join('\n')).toBe(0);
    const { servers, nodePorts } = serverPortsAndNodePorts(o);
    expect(servers.length).toBeGreaterThan(3);
    // The Kubernetes API servers listen on 6443 on the control-plane nodes: no NodePort.
    expect(servers.filter((port) => port !== 6443 && !nodePorts.has(port))).toEqual([]);
  });

  it('turns the fixed NodePorts on when no layer set them, and says so in one line', () => {
    const o = runSynth(['--inventory', FIXTURE_HOSTS]);
    expect(o.lines.filter((l) => /nodePorts\.fixed/.test(l))).toEqual([
      "note: nodePorts.fixed is on: no layer sets it, and the inventory's load balancer sends to the profile's NodePorts (nodePorts.*), which Kubernetes keeps only when they are fixed",
    ]);
    expect(loadInputs({ inventory: FIXTURE_HOSTS }).profile.nodePorts.fixed).toBe(true);
    expect(loadInputs({}).profile.nodePorts.fixed).toBe(false);
  });

  it('refuses a profile that turned them off, naming its file and the field', () => {
    const file = path.join(tempDir('dojot-off-'), 'off.yaml');
    fs.writeFileSync(file, 'nodePorts: { fixed: false }\n');
    let problems: string[] = [];
    try {
      loadInputs({ profile: file, inventory: FIXTURE_HOSTS });
    } catch (e) {
      if (!(e instanceof ProfileError)) throw e;
      problems = e.problems.map((p) => `${p.source}: ${p.path}: ${p.message}`);
    }
    expect(problems).toEqual([expect.stringMatching(/off\.yaml: nodePorts\.fixed: is false, but the inventory's load balancer/)]);
    // Without an inventory, no load balancer: off is the user's choice.
    expect(loadInputs({ profile: file }).profile.nodePorts.fixed).toBe(false);
  });
});

describe('what a layer overrides of the layers before it', () => {
  const layer = (source: string, values: Record<string, unknown>, ansible = false) => ({ source, values, ansible });

  it('counts the fields it gives another value, not those it repeats', () => {
    const o = overridesOf([
      layer('preset 100k', { vernemq: { replicas: 3, insecureMqtt: true }, namespace: 'dojot' }),
      layer('dojot.yaml', { vernemq: { replicas: 1, insecureMqtt: true }, namespace: 'dojot', domainName: 'x.example' }, true),
    ]);
    expect(o).toEqual([
      {
        source: 'dojot.yaml',
        fields: [{ path: 'dojot_vernemq_replicas (vernemq.replicas)', from: { source: 'preset 100k', value: 3 }, to: 1 }],
      },
    ]);
  });

  it('counts a mapping replaced by a value, and nothing for the first layer', () => {
    const o = overridesOf([layer('a', { placement: { nodeLabels: { dojot: 'x' } } }), layer('b', { placement: { nodeLabels: 'flat' } })]);
    expect(o.map((x) => [x.source, x.fields.length])).toEqual([['b', 1]]);
    expect(overridesOf([layer('a', { namespace: 'x' })])).toEqual([]);
  });
});
