import { describe, expect, it } from 'vitest';
import { PRESET_NAMES, profileOf, synth } from '../helpers/synth';

// One snapshot per output file (one file per chart, plus side files) and per preset. A change in
// any manifest shows up here as a diff to review like code.
describe.each(PRESET_NAMES)('preset %s', (preset) => {
  const out = synth(profileOf(preset));

  it('writes the expected files', () => {
    expect(Object.keys(out.files)).toMatchSnapshot();
  });

  it.each(Object.keys(out.files))('%s', (file) => {
    expect(out.files[file]).toMatchSnapshot();
  });
});
