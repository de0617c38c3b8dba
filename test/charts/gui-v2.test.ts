// gui-v2 (charts/gui-v2): its image and http port, and guiV2.enabled and guiV2.image.
import { describe, expect, it } from 'vitest';
import { imagesOf, profileOf, synth } from '../helpers/synth';

describe('gui-v2 (default profile: vernemq flavour)', () => {
  const out = synth(profileOf('default'));

  it('the GUI v2: its image and http port 80', () => {
    expect(imagesOf(out.find('Deployment', 'gui-v2'))).toEqual(['dojot/gui-v2:v0.6.0']);
    expect(out.find('Service', 'gui-v2').spec.ports).toEqual([{ name: 'http', port: 80 }]);
  });

  it('gui-v2 follows guiV2.enabled and its image', () => {
    expect(synth(profileOf('default', { guiV2: { enabled: false } })).maybe('Deployment', 'gui-v2')).toBeUndefined();
    const custom = synth(profileOf('default', { guiV2: { image: 'registry.local/gui-v2' } }));
    expect(imagesOf(custom.find('Deployment', 'gui-v2'))).toEqual(['registry.local/gui-v2:v0.6.0']);
  });
});
