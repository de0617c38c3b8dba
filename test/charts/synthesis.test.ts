import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as YAML from 'yaml';
import { synthesize } from '../../app/synthesize';
import { lbProfile, profileOf } from '../helpers/synth';
import { tempDir } from '../helpers/temp';

describe('synthesize', () => {
  it.each([
    ['default', () => profileOf('default')],
    ['100k with the guide\'s inventory', () => lbProfile('100k')],
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
});
