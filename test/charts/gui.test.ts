// gui (charts/gui): its image and its Service's http port.
import { describe, expect, it } from 'vitest';
import { imagesOf, profileOf, synth } from '../helpers/synth';

describe('gui (default profile: vernemq flavour)', () => {
  const out = synth(profileOf('default'));

  it('the GUI: its image and http port 80', () => {
    expect(imagesOf(out.find('Deployment', 'gui'))).toEqual(['dojot/gui:v0.6.0']);
    expect(out.find('Service', 'gui').spec.ports).toEqual([{ name: 'http', port: 80 }]);
  });
});
