import type { ProfileLayer } from '../types';
import { PRESET_100K } from './100k';

/** Named presets: plain layers merged over the defaults. `default` is the repository's own defaults. */
export const PRESETS: Readonly<Record<string, ProfileLayer>> = {
  default: {},
  '100k': PRESET_100K,
};
