import { describe, expect, it } from 'vitest';
import { deployedImageLifecycles, endOfLifeNotice } from '../../app/end-of-life';
import { imagesOf } from '../../app/image-check';
import { profileOf, synth } from '../helpers/synth';

// Where the images come from (the profile's `images`): a mirror before every image, digests.
const MIRROR = 'registry.local:5000';
const DIGEST = `sha256:${'0123456789abcdef'.repeat(4)}`;

describe.each([
  ['vernemq', {}],
  ['lwm2m, InfluxDB', { flavour: 'lwm2m', optional: { influxdb: true, influxdbStorer: true, influxdbRetriever: true } }],
  ['100k', { flavour: '100k' }],
] as const)('images from a mirror, %s', (_, layer) => {
  const out = synth(profileOf('default', { ...layer, images: { registry: MIRROR } } as never));
  const manifests = [{ file: 'all', objects: out.objects }];

  it('pull every image of dist/ from the mirror', () => {
    const images = imagesOf(manifests);
    expect(images.length).toBeGreaterThan(8);
    expect(images.filter((i) => !i.startsWith(`${MIRROR}/`))).toEqual([]);
  });

  it("send the Prometheus stack's images there too", () => {
    const values = JSON.parse(out.files['helm/kube-prometheus-stack.values.json']);
    expect(values.global).toEqual({ imageRegistry: MIRROR });
  });
});

describe('images without a mirror', () => {
  it('are pulled from their own registries, and the stack is told nothing', () => {
    const out = synth(profileOf('default'));
    expect(imagesOf([{ file: 'all', objects: out.objects }])).toContain('dojot/postgres:9.5.21-alpine');
    expect(JSON.parse(out.files['helm/kube-prometheus-stack.values.json']).global).toBeUndefined();
  });
});

describe('an image pinned by digest', () => {
  it('is pulled by its tag and digest, behind the mirror, and no other image is', () => {
    const out = synth(profileOf('default', { images: { registry: MIRROR, digests: { 'dojot/postgres:9.5.21-alpine': DIGEST } } } as never));
    const postgres = out.find('StatefulSet', 'postgres').spec.template.spec.containers[0];
    expect(postgres.image).toBe(`${MIRROR}/dojot/postgres:9.5.21-alpine@${DIGEST}`);
    expect(imagesOf([{ file: 'all', objects: out.objects }]).filter((i) => i.includes('@'))).toEqual([postgres.image]);
  });
});

describe.each([
  ['vernemq', profileOf('default')],
  ['mosca', profileOf('default', { flavour: 'mosca' })],
  [
    'lwm2m, InfluxDB',
    profileOf('default', { flavour: 'lwm2m', optional: { influxdb: true, influxdbStorer: true, influxdbRetriever: true } }),
  ],
  ['100k', profileOf('100k')],
] as const)('the images of the %s flavour', (_, profile) => {
  const out = synth(profile);
  const images = imagesOf([{ file: 'all', objects: out.objects }]);

  it('are each described: what it runs, its base, its ends of upstream support', () => {
    const described = new Set(deployedImageLifecycles(profile).map((i) => i.image));
    expect(images.length).toBeGreaterThan(8);
    expect(images.filter((i) => !described.has(i))).toEqual([]);
  });
});

describe('the end-of-life note', () => {
  const profile = profileOf('default');
  const images = imagesOf([{ file: 'all', objects: synth(profile).objects }]);

  it('names, in one line, the images past a dated end of support, PostgreSQL 9.5 and MongoDB 3.2 first among them', () => {
    const [note, ...more] = endOfLifeNotice(profile, images, '2026-12-03');
    expect(more).toEqual([]);
    expect(note).toMatch(/^\d+ images run software past its upstream end of support: dojot\/mongo:3\.2 \(MongoDB 3\.2: 2018-09-30\); /);
    expect(note).toContain('dojot/postgres:9.5.21-alpine (PostgreSQL 9.5: 2021-02-11)');
    expect(note).toContain('dojot/backstage:v0.6.0 (Node.js 8: 2019-12-31)');
  });

  it('says nothing of an image whose support had not ended that day', () => {
    expect(endOfLifeNotice(profile, images, '2018-01-01')).toEqual([]);
    expect(endOfLifeNotice(profile, images, '2019-01-01')[0]).toMatch(
      /^1 images run .*: dojot\/mongo:3\.2 \(MongoDB 3\.2: 2018-09-30\) \(README, Images\)$/,
    );
  });
});
