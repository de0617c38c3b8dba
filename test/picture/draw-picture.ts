// `node --import tsx test/picture/draw-picture.ts PRESET [FLAVOUR] [--inventory]`: writes the
// picture of a preset (a flavour of it, with the guide's inventory) to standard output, as the
// test that runs it in another locale and time zone compares it with its own.
import { loadLayout } from '../../app/topology/graphviz';
import type { Flavour } from '../../profile/types';
import { lbProfile, profileOf } from '../helpers/synth';
import { pictureOf } from './pictures';

const args = process.argv.slice(2);
const [preset, flavour] = args.filter((a) => !a.startsWith('--'));
const overrides = flavour ? { flavour: flavour as Flavour } : {};
const profile = args.includes('--inventory') ? lbProfile(preset, overrides) : profileOf(preset, overrides);
void loadLayout().then((layout) => {
  process.stdout.write(pictureOf(profile, layout));
});
