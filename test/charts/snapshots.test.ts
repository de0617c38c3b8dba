import { describe, expect, it } from 'vitest';
import { type Synthesized, lbProfile, profileOf, synth } from '../helpers/synth';

// One snapshot per output file (one file per chart, plus side files) and per profile. A change in
// any manifest shows up here as a diff to review like code.
const PROFILES: [string, () => Synthesized][] = [
  ['default', () => synth(profileOf('default'))],
  ['100k', () => synth(profileOf('100k'))],
  ["100k with the guide's inventory", () => synth(lbProfile('100k'))],
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
