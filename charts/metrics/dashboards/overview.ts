import { DashboardBuilder, RowBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import { datasourceVariable, nodeVariable, openConnections, ratePerNode, stat, timeseries } from './panels';

/** The 100k load test at a glance: connections, sessions, connects, publishes and queues, per broker. */
export function overviewDashboard(brokerJob: string) {
  const all = 'node=~".+"';
  return new DashboardBuilder('dojot / 100k overview')
    .uid('dojot-100k')
    .tags(['dojot', 'vernemq'])
    .refresh('30s')
    .time({ from: 'now-1h', to: 'now' })
    .timezone('browser')
    .withVariable(datasourceVariable())
    .withVariable(nodeVariable(true))
    .withRow(new RowBuilder('Devices').id(1).gridPos({ x: 0, y: 0, w: 24, h: 1 }))
    .withPanel(stat(2, 'Open MQTT connections', 'short', { x: 0, y: 1, w: 6, h: 4 }, `sum(${openConnections(all)})`))
    .withPanel(stat(3, 'MQTT sessions', 'short', { x: 6, y: 1, w: 6, h: 4 }, 'sum(queue_processes)'))
    .withPanel(stat(4, 'CONNECT per second', 'reqps', { x: 12, y: 1, w: 6, h: 4 }, 'sum(rate(mqtt_connect_received[$__rate_interval]))'))
    .withPanel(stat(5, 'Brokers up', 'short', { x: 18, y: 1, w: 6, h: 4 }, `count(up{job="${brokerJob}"} == 1)`))
    .withPanel(
      timeseries(6, 'Open connections per broker', 'short', { x: 0, y: 5, w: 12, h: 8 }, [{ expr: openConnections(), legend: '{{node}}' }]),
    )
    .withPanel(
      timeseries(7, 'CONNECT per second per broker', 'reqps', { x: 12, y: 5, w: 12, h: 8 }, [
        { expr: ratePerNode('mqtt_connect_received'), legend: '{{node}}' },
      ]),
    )
    .withRow(new RowBuilder('Messages').id(8).gridPos({ x: 0, y: 13, w: 24, h: 1 }))
    .withPanel(
      timeseries(9, 'PUBLISH in and out per second', 'reqps', { x: 0, y: 14, w: 12, h: 8 }, [
        { expr: ratePerNode('mqtt_publish_received'), legend: 'in {{node}}' },
        { expr: ratePerNode('mqtt_publish_sent'), legend: 'out {{node}}' },
      ]),
    )
    .withPanel(
      timeseries(10, 'Queued messages per second', 'reqps', { x: 12, y: 14, w: 12, h: 8 }, [
        { expr: ratePerNode('queue_message_in'), legend: 'in {{node}}' },
        { expr: ratePerNode('queue_message_out'), legend: 'out {{node}}' },
        { expr: ratePerNode('queue_message_drop'), legend: 'dropped {{node}}' },
      ]),
    )
    .withPanel(
      timeseries(11, 'Sessions per broker', 'short', { x: 0, y: 22, w: 12, h: 8 }, [
        { expr: 'sum by (node) (queue_processes{node=~"$node"})', legend: '{{node}}' },
      ]),
    )
    .withPanel(
      timeseries(12, 'Keepalives expired per second', 'reqps', { x: 12, y: 22, w: 12, h: 8 }, [
        { expr: ratePerNode('client_keepalive_expired'), legend: '{{node}}' },
      ]),
    )
    .build();
}
