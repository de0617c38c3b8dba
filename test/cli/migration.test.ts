import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as YAML from 'yaml';
import { immutableFacts } from '../../app/diff/immutable-facts';
import { diffOutputs } from '../../app/diff/object-diff';
import { profileOf, synth } from '../helpers/synth';

// What the README's "Migrating from an Ansible-installed dojot" says, checked: the diff's
// immutable-field check, run from the original's objects for the guide's 100k set to ours.
const ORIGINAL = path.resolve(__dirname, '..', 'fixtures', 'migration', 'ansible-dojot-v0.6.0-100k.yaml');

describe('upgrading a dojot that ansible-dojot v0.6.0 installed (the 100k set)', () => {
  const original = (YAML.parse(fs.readFileSync(ORIGINAL, 'utf8')) as never[]).map((object) => ({ chart: 'ansible-dojot', object }));
  const ours = synth(profileOf('100k'))
    .objects.flatMap((o) => immutableFacts(o) ?? [])
    .map((object) => ({ chart: 'dojot-cdk8s', object }));
  const changes = diffOutputs(original, ours);
  const byType = (type: string) => changes.filter((c) => c.type === type).map((c) => c.id);

  it('finds exactly three StatefulSets that gain a serviceName, and the Kong Jobs, as not changeable in place', () => {
    const flagged = changes.filter((c) => c.immutable.length).map((c) => `${c.id}: ${c.immutable.map((i) => i.field).join(', ')}`);
    expect(flagged.sort()).toEqual([
      'Job/dojot/kong-migrate-up: spec.template',
      'Job/dojot/kong-migrate: spec.template',
      'Job/dojot/kong-route-config: spec.template',
      'StatefulSet/dojot/kafka-ws-redis: spec.serviceName',
      'StatefulSet/dojot/mongodb: spec.serviceName',
      'StatefulSet/dojot/postgres: spec.serviceName',
    ]);
    const how = changes.find((c) => c.id === 'StatefulSet/dojot/postgres')!.immutable[0].how;
    expect(how).toContain('kubectl -n dojot delete statefulset postgres --cascade=orphan, then apply');
  });

  it('keeps every claim, claim template and selector as it was: no data moves', () => {
    const claims = changes.filter(
      (c) =>
        c.id.startsWith('PersistentVolumeClaim/') ||
        c.fields.some((f) => f.path.startsWith('spec.volumeClaimTemplates') || f.path.startsWith('spec.selector')),
    );
    expect(claims.filter((c) => c.type !== 'added')).toEqual([]);
    for (const claim of [
      'PersistentVolumeClaim/dojot/kong',
      'PersistentVolumeClaim/dojot/kafka-ws',
      'PersistentVolumeClaim/dojot/x509-identity-mgmt',
    ]) {
      expect(byType('removed')).not.toContain(claim);
    }
  });

  it('leaves behind only the VerneMQ operator, which the README says to delete', () => {
    expect(byType('removed')).toEqual(['Deployment/dojot/vmq-operator']);
  });
});
