import { ApiObject, type App, Chart } from 'cdk8s';
import { k8s } from 'cdk8s-plus-27';
import type { Construct } from 'constructs';
import type { Profile } from '../../profile/types';
import { type PlatformContracts, platformContracts } from '../contracts';
import { deployedComponents } from '../flavours';
import { clusterDashboard } from './dashboards/cluster';
import { nodeDashboard } from './dashboards/node';
import { overviewDashboard } from './dashboards/overview';
import { dojotRules, locustScrapeConfig, vernemqServiceMonitor } from './prometheus-objects';

export interface MonitoringChartProps {
  readonly profile: Profile;
  readonly contracts: PlatformContracts;
  /** VerneMQ runs in this flavour: its ServiceMonitor, rules and dashboards. */
  readonly vernemq: boolean;
}

/** dojot's monitoring chart, when the profile has something to monitor: VerneMQ, or the Locust exporter. */
export function addMonitoringChart(app: App, profile: Profile): MonitoringChart | undefined {
  const vernemq = deployedComponents(profile).includes('vernemq');
  if (!vernemq && !profile.locustExporter.enabled) return undefined;
  return new MonitoringChart(app, 'dojot-monitoring', { profile, contracts: platformContracts(profile), vernemq });
}

/**
 * dojot's part of the monitoring, for an installed prometheus-operator (dist/monitoring/, applied
 * after the stack): the ServiceMonitor and rules of VerneMQ, the Locust exporter's scrape config,
 * and the dashboards as ConfigMaps the stack's Grafana sidecar loads. No CRD: the stack owns them.
 */
export class MonitoringChart extends Chart {
  constructor(scope: Construct, id: string, { profile: p, contracts, vernemq }: MonitoringChartProps) {
    super(scope, id, { disableResourceNameHashes: true });
    const emit = (name: string, object: object) => new ApiObject(this, name, object as never);
    if (vernemq) {
      emit('vernemq-service-monitor', vernemqServiceMonitor(p, contracts));
      if (p.metrics.rulesAs === 'prometheus-rule') emit('dojot-rules', dojotRules(p, contracts));
      const dashboards = {
        'dojot-100k': overviewDashboard(contracts.vernemq.services.internal.name),
        'dojot-vmq-cluster': clusterDashboard(),
        'dojot-vmq-node': nodeDashboard(),
      };
      for (const [name, dashboard] of Object.entries(dashboards)) {
        new k8s.KubeConfigMap(this, name, {
          metadata: {
            name: `${name}-dashboard`,
            namespace: p.metrics.namespace,
            labels: { [p.metrics.dashboardLabel]: '1', app: 'dojot' },
          },
          data: { [`${name}.json`]: `${JSON.stringify(dashboard, null, 2)}\n` },
        });
      }
    }
    if (p.locustExporter.enabled) emit('locust-scrape-config', locustScrapeConfig(p));
  }
}
