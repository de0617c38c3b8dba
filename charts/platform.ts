import { podPlacement } from '../lib/placement';
import type { App, Chart } from 'cdk8s';
import type { DojotChartProps } from './dojot-chart';
import { applyArgoCdAnnotations } from '../lib/argocd-annotations';
import { applyRecommendedLabels } from '../lib/recommended-labels';
import { COMPONENT_ROLES } from './roles';
import type { Profile } from '../profile/types';
import { type ChartedName, type PlatformContracts, platformContracts } from './contracts';
import { deployedComponents, deployedContracts } from './flavours';
import { CHART_IDS } from './chart-ids';
import { type Component, containerFactsOf } from './component';
import { COMPONENTS } from './components';
import { componentWave, JOB_WAVES, WAVES } from './sync-waves';
import { NetworkPolicyChart } from './network-policies/network-policy-chart';
import { NamespaceChart } from './namespace/namespace-chart';
import { StorageChart } from './storage/storage-chart';

/**
 * Adds the charts of the components the profile's flavour deploys (charts/flavours.ts), in the
 * original's order. Chart dependencies order the output files: the namespace and the storage
 * come first, so `kubectl apply -f dist` creates them before what needs them.
 */
export function addPlatformCharts(app: App, p: Profile): Chart[] {
  const namespace = new NamespaceChart(app, 'namespace', p.namespace);
  const storage = new StorageChart(app, 'storage', p);
  const common: DojotChartProps<PlatformContracts> = {
    namespace: p.namespace,
    placement: podPlacement(p),
    storage: { storageClassName: p.storageClassName, localVolumes: p.localVolumes },
    contracts: platformContracts(p),
  };
  const components = deployedComponents(p).filter((c): c is ChartedName => Object.hasOwn(CHART_IDS, c));
  const deployed = deployedContracts(p);
  const services = components.map((name) => {
    const c = COMPONENTS.find((x) => x.name === name) as Component;
    if (!c.chart) throw new Error(`${name} has no chart`);
    const containerFacts = containerFactsOf(c, p, common.contracts[name]);
    return c.chart(app, CHART_IDS[name], p, { ...common, containerFacts }, deployed);
  });
  for (const chart of services) chart.addDependency(namespace, storage);
  const label = (chart: Chart, component: keyof typeof COMPONENT_ROLES) =>
    applyRecommendedLabels(chart, {
      name: chart.node.id,
      instance: p.namespace,
      version: p.version,
      component: COMPONENT_ROLES[component],
    });
  label(namespace, 'namespace');
  label(storage, 'storage');
  services.forEach((chart, i) => {
    label(chart, components[i]);
  });
  applyArgoCdAnnotations(namespace, WAVES.foundation);
  applyArgoCdAnnotations(storage, WAVES.foundation);
  services.forEach((chart, i) => {
    applyArgoCdAnnotations(chart, componentWave(components[i]), JOB_WAVES);
  });
  const policies = p.networkPolicies.enabled
    ? [new NetworkPolicyChart(app, 'network-policies', { ...common, profile: p, deployed: components })]
    : [];
  for (const chart of policies) {
    chart.addDependency(namespace);
    label(chart, 'networkPolicies');
    applyArgoCdAnnotations(chart, WAVES.foundation);
  }
  return [namespace, storage, ...services, ...policies];
}
