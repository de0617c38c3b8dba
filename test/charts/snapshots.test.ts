import { describe, expect, it } from 'vitest';
import { type Synthesized, lbProfile, profileOf, synth } from '../helpers/synth';

// One snapshot per output file (one file per chart, plus side files) and per profile. A change in
// any manifest shows up here as a diff to review like code.
const PROFILES: [string, () => Synthesized][] = [
  ['default (the vernemq flavour)', () => synth(profileOf('default'))],
  ['default, mosca flavour', () => synth(profileOf('default', { flavour: 'mosca' }))],
  ['default, lwm2m flavour', () => synth(profileOf('default', { flavour: 'lwm2m' }))],
  ['100k', () => synth(profileOf('100k'))],
  ["100k with the guide's inventory", () => synth(lbProfile('100k'))],
  ["100k, vernemq flavour (the whole platform), with the guide's inventory", () => synth(lbProfile('100k', { flavour: 'vernemq' }))],
  ["100k, lwm2m flavour, with the guide's inventory", () => synth(lbProfile('100k', { flavour: 'lwm2m' }))],
];

describe.each(PROFILES)('profile %s', (_, make) => {
  const out = make();

  it('writes the expected files', () => {
    expect(Object.keys(out.files)).toMatchSnapshot();
  });

  it.each(Object.keys(out.files))('%s', (file) => {
    expect(out.files[file]).toMatchSnapshot();
  });
});
