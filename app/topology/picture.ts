import type { Profile } from '../../profile/types';
import type { Manifest } from '../manifest';
import { renderDot } from './dot';
import { withFontFamilies } from './fonts';
import type { Layout } from './graphviz';
import { topologyGraph } from './topology-graph';

/** The picture's file in the output folder. */
export const TOPOLOGY_FILE = 'topology.svg';

/** `dist/topology.svg`: the topology of the synthesized objects, laid out by Graphviz (one layout), in fonts any viewer has. */
export function drawTopology(p: Profile, manifests: readonly Manifest[], layout: Layout): string {
  return withFontFamilies(layout(renderDot(topologyGraph(p, manifests))));
}
