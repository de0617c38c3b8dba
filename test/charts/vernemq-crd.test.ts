import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CRD_FILE, renderCrds } from '../../scripts/write-crds';
import { profileOf, synth } from '../helpers/synth';

const ROOT = path.resolve(__dirname, '..', '..');

describe('the VerneMQ CRD', () => {
  const crd = synth(profileOf('100k')).find('CustomResourceDefinition', 'vernemqs.vernemq.com');

  it('is apiextensions.k8s.io/v1 with one served, stored version and a structural schema', () => {
    expect(crd.apiVersion).toBe('apiextensions.k8s.io/v1');
    expect(crd.spec.versions.map((v: { name: string; served: boolean; storage: boolean }) => [v.name, v.served, v.storage])).toEqual([['v1alpha1', true, true]]);
    const schema = crd.spec.versions[0].schema.openAPIV3Schema;
    expect(schema.type).toBe('object');
    expect(schema.properties.spec.type).toBe('object');
  });

  it('keeps every field the dojot VerneMQ resource sets', () => {
    const props = crd.spec.versions[0].schema.openAPIV3Schema.properties.spec.properties;
    const resource = synth(profileOf('100k')).find('VerneMQ', 'k8s');
    for (const field of Object.keys(resource.spec)) expect(props, field).toHaveProperty(field);
  });

  it('is the file that cdk8s import reads, so imports/ matches the construct (npm run import)', () => {
    expect(fs.readFileSync(path.join(ROOT, CRD_FILE), 'utf8')).toBe(renderCrds());
    expect(fs.readFileSync(path.join(ROOT, 'imports', 'vernemq.com.ts'), 'utf8')).toContain('export class VerneMq extends ApiObject');
  });
});
