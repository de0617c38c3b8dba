import { App } from 'cdk8s';
import { type Component, containerFactsOf } from '../../charts/component';
import { platformContracts } from '../../charts/contracts';
import { podPlacement } from '../../lib/placement';
import type { Profile } from '../../profile/types';
import type { ManifestObject } from './synth';
import { tempDir } from './temp';

/** One component's chart, made by its own factory as the platform makes it, alone in an app: its objects. */
export function chartAlone(c: Component, p: Profile): ManifestObject[] {
  if (!c.chart || !c.chartId) throw new Error(`${c.name} has no chart`);
  const contracts = platformContracts(p) as unknown as Record<string, never>;
  const common = {
    namespace: p.namespace,
    placement: podPlacement(p),
    storage: { storageClassName: p.storageClassName, localVolumes: p.localVolumes },
    contracts,
    containerFacts: containerFactsOf(c, p, contracts[c.name]),
  };
  return c.chart(new App({ outdir: tempDir('dojot-chart-') }), c.chartId, p, common, []).toJson() as ManifestObject[];
}
