import type { Profile } from '../../profile/types';
import type { Manifest } from '../manifest';
import { renderDot } from './dot';
import type { Layout } from './graphviz';
import { topologyGraph } from './topology-graph';

/** The picture's file in the output folder. */
export const TOPOLOGY_FILE = 'topology.svg';

/** `dist/topology.svg`: the topology of the synthesized objects, laid out by Graphviz. */
export function drawTopology(p: Profile, manifests: readonly Manifest[], layout: Layout): string {
  return layout(renderDot(topologyGraph(p, manifests)));
}
