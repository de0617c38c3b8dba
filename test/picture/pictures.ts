import type { Manifest } from '../../app/manifest';
import type { Layout } from '../../app/topology/graphviz';
import { drawTopology } from '../../app/topology/picture';
import type { Profile } from '../../profile/types';
import { synth } from '../helpers/synth';

/** The picture of a profile, drawn from its synthesized objects as npm run synth draws it. */
export function pictureOf(profile: Profile, layout: Layout): string {
  const s = synth(profile);
  const files = [...new Set(s.objects.map((o) => o.file))];
  const manifests: Manifest[] = files.map((file) => ({
    file,
    objects: s.objects.filter((o) => o.file === file).map(({ file: _, ...o }) => o),
  }));
  return drawTopology(s.profile, manifests, layout);
}
