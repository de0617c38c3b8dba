import { DashboardBuilder, RowBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import { datasourceVariable, nodeVariable, ratePerNode, stat, timeseries } from './panels';

/** The VerneMQ cluster: traffic between the nodes, netsplits, routing, subscriptions and retained messages. */
export function clusterDashboard() {
  return new DashboardBuilder('dojot / VerneMQ cluster')
    .uid('dojot-vmq-cluster')
    .tags(['dojot', 'vernemq'])
    .refresh('30s')
    .time({ from: 'now-1h', to: 'now' })
    .timezone('browser')
    .withVariable(datasourceVariable())
    .withVariable(nodeVariable(true))
    .withRow(new RowBuilder('Cluster').id(1).gridPos({ x: 0, y: 0, w: 24, h: 1 }))
    .withPanel(stat(2, 'Unresolved netsplits', 'short', { x: 0, y: 1, w: 8, h: 4 }, 'sum(netsplit_detected) - sum(netsplit_resolved)'))
    .withPanel(stat(3, 'Subscriptions', 'short', { x: 8, y: 1, w: 8, h: 4 }, 'max(router_subscriptions)'))
    .withPanel(stat(4, 'Retained messages', 'short', { x: 16, y: 1, w: 8, h: 4 }, 'max(retain_messages)'))
    .withPanel(
      timeseries(5, 'Bytes between the nodes', 'Bps', { x: 0, y: 5, w: 12, h: 8 }, [
        { expr: ratePerNode('cluster_bytes_sent'), legend: 'sent {{node}}' },
        { expr: ratePerNode('cluster_bytes_received'), legend: 'received {{node}}' },
        { expr: ratePerNode('cluster_bytes_dropped'), legend: 'dropped {{node}}' },
      ]),
    )
    .withPanel(
      timeseries(6, 'Routing: local and remote matches per second', 'reqps', { x: 12, y: 5, w: 12, h: 8 }, [
        { expr: ratePerNode('router_matches_local'), legend: 'local {{node}}' },
        { expr: ratePerNode('router_matches_remote'), legend: 'remote {{node}}' },
      ]),
    )
    .withPanel(
      timeseries(7, 'Netsplits detected and resolved', 'short', { x: 0, y: 13, w: 12, h: 8 }, [
        { expr: 'sum by (node) (netsplit_detected{node=~"$node"})', legend: 'detected {{node}}' },
        { expr: 'sum by (node) (netsplit_resolved{node=~"$node"})', legend: 'resolved {{node}}' },
      ]),
    )
    .withPanel(
      timeseries(8, 'Bytes of MQTT in and out', 'Bps', { x: 12, y: 13, w: 12, h: 8 }, [
        { expr: ratePerNode('bytes_received'), legend: 'in {{node}}' },
        { expr: ratePerNode('bytes_sent'), legend: 'out {{node}}' },
      ]),
    )
    .build();
}
