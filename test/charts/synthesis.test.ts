import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as YAML from 'yaml';
import { App } from 'cdk8s';
import { synthesize } from '../../app/synthesize';
import { addPlatformCharts } from '../../charts/platform';
import { Yaml } from 'cdk8s';
import { lbProfile, profileOf, synth } from '../helpers/synth';
import { tempDir } from '../helpers/temp';

describe('synthesize', () => {
  it.each([
    ['default', () => profileOf('default')],
    ["100k with the guide's inventory", () => lbProfile('100k')],
    ['lwm2m, metrics off', () => profileOf('default', { flavour: 'lwm2m', metrics: { enabled: false } })],
  ])('returns, for %s, exactly the objects of the YAML files it writes (what the tests read)', (_, make) => {
    const dir = tempDir('dojot-synthesis-');
    const { manifests } = synthesize(make(), dir);
    const yamlFiles = (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.k8s.yaml')).sort();
    expect(manifests.map((m) => m.file).sort()).toEqual(yamlFiles);
    for (const m of manifests) {
      const parsed = YAML.parseAllDocuments(fs.readFileSync(path.join(dir, m.file), 'utf8')).map((d) => d.toJS());
      expect(m.objects, m.file).toEqual(parsed);
    }
  });

  it("writes the platform's files byte for byte as cdk8s's own app.synth() does", () => {
    const profile = lbProfile('100k');
    const ours = tempDir('dojot-synthesis-');
    const theirs = tempDir('dojot-synthesis-');
    const app = new App({ outdir: theirs });
    addPlatformCharts(app, profile);
    app.synth();
    const read = (dir: string) =>
      Object.fromEntries(
        fs
          .readdirSync(dir)
          .filter((f) => f.endsWith('.k8s.yaml'))
          .sort()
          .map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]),
      );
    synthesize(profile, ours);
    // cdk8s writes a file for a chart with no object; we do not (e.g. storage with every toggle off).
    const expected = Object.fromEntries(Object.entries(read(theirs)).filter(([, text]) => text !== ''));
    expect(read(ours)).toEqual(expected);
  });

  it.each([
    [
      'the whole platform, every option',
      () =>
        lbProfile('100k', {
          flavour: 'vernemq',
          optional: { influxdb: true, influxdbStorer: true, influxdbRetriever: true },
          capacity: { onExcess: 'warn' },
          metrics: { rulesAs: 'prometheus-rule' },
        }),
    ],
    [
      'lwm2m with mutual TLS',
      () =>
        profileOf('default', {
          flavour: 'lwm2m',
          apigw: { mutualTls: true, persistence: { enabled: true } },
          storageClassName: 'local-storage',
        }),
    ],
  ])("writes every file of %s as cdk8s's Yaml.stringify writes the same objects", (_, make) => {
    const { files } = synth(make());
    const manifests = Object.entries(files).filter(([f]) => f.endsWith('.k8s.yaml'));
    expect(manifests.length).toBeGreaterThan(10);
    for (const [file, text] of manifests) {
      const docs = YAML.parseAllDocuments(text, { version: '1.1' }).map((d) => d.toJS());
      expect(text, file).toBe(Yaml.stringify(...docs));
    }
  });
});
