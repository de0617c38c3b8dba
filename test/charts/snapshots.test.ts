import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Synthesized, lbProfile, profileOf, synth } from '../helpers/synth';

// One snapshot file per output file (one per chart, plus the side files) and per profile, under
// __snapshots__/outputs/<profile>/: a change in a manifest shows up in review as a diff of that
// chart's own file, as YAML.
const OUTPUTS = path.join(__dirname, '..', '..', '__snapshots__', 'outputs');
const PROFILES: [string, string, () => Synthesized][] = [
  ['default (the vernemq flavour)', 'default', () => synth(profileOf('default'))],
  ['default, mosca flavour', 'default-mosca', () => synth(profileOf('default', { flavour: 'mosca' }))],
  ['default, lwm2m flavour', 'default-lwm2m', () => synth(profileOf('default', { flavour: 'lwm2m' }))],
  ['100k', '100k', () => synth(profileOf('100k'))],
  ["100k with the guide's inventory", '100k-guide', () => synth(lbProfile('100k'))],
  [
    "100k, vernemq flavour (the whole platform), with the guide's inventory",
    '100k-vernemq-guide',
    () => synth(lbProfile('100k', { flavour: 'vernemq' })),
  ],
  ["100k, lwm2m flavour, with the guide's inventory", '100k-lwm2m-guide', () => synth(lbProfile('100k', { flavour: 'lwm2m' }))],
];

describe.each(PROFILES)('profile %s', (_, folder, make) => {
  const out = make();

  it('writes the expected files', async () => {
    expect(Object.keys(out.files).length).toBeGreaterThan(5);
    await expect(`${Object.keys(out.files).join('\n')}\n`).toMatchFileSnapshot(path.join(OUTPUTS, folder, 'FILES.txt'));
  });

  it.each(Object.keys(out.files))('%s', async (file) => {
    expect(out.files[file].length).toBeGreaterThan(0);
    await expect(out.files[file]).toMatchFileSnapshot(path.join(OUTPUTS, folder, file));
  });
});
