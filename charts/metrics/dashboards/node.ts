import { DashboardBuilder, RowBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import { datasourceVariable, nodeVariable, openConnections, ratePerNode, stat, timeseries } from './panels';

/** One VerneMQ node: its connections, sessions, queues, and the Erlang VM under them. */
export function nodeDashboard() {
  const one = 'node="$node"';
  return new DashboardBuilder('dojot / VerneMQ node')
    .uid('dojot-vmq-node')
    .tags(['dojot', 'vernemq'])
    .refresh('30s')
    .time({ from: 'now-1h', to: 'now' })
    .timezone('browser')
    .withVariable(datasourceVariable())
    .withVariable(nodeVariable(false))
    .withRow(new RowBuilder('MQTT').id(1).gridPos({ x: 0, y: 0, w: 24, h: 1 }))
    .withPanel(stat(2, 'Open connections', 'short', { x: 0, y: 1, w: 8, h: 4 }, openConnections(one)))
    .withPanel(stat(3, 'Sessions', 'short', { x: 8, y: 1, w: 8, h: 4 }, `sum(queue_processes{${one}})`))
    .withPanel(stat(4, 'CPU utilization', 'percent', { x: 16, y: 1, w: 8, h: 4 }, `max(system_utilization{${one}})`))
    .withPanel(
      timeseries(5, 'Sockets opened and closed per second', 'reqps', { x: 0, y: 5, w: 12, h: 8 }, [
        { expr: ratePerNode('socket_open', one), legend: 'opened' },
        { expr: ratePerNode('socket_close', one), legend: 'closed' },
        { expr: ratePerNode('socket_error', one), legend: 'errors' },
      ]),
    )
    .withPanel(
      timeseries(6, 'Queues: messages per second', 'reqps', { x: 12, y: 5, w: 12, h: 8 }, [
        { expr: ratePerNode('queue_message_in', one), legend: 'in' },
        { expr: ratePerNode('queue_message_out', one), legend: 'out' },
        { expr: ratePerNode('queue_message_drop', one), legend: 'dropped' },
        { expr: ratePerNode('queue_message_expired', one), legend: 'expired' },
      ]),
    )
    .withRow(new RowBuilder('Erlang VM').id(7).gridPos({ x: 0, y: 13, w: 24, h: 1 }))
    .withPanel(
      timeseries(8, 'Memory', 'bytes', { x: 0, y: 14, w: 12, h: 8 }, [
        { expr: `sum(vm_memory_total{${one}})`, legend: 'total' },
        { expr: `sum(vm_memory_processes{${one}})`, legend: 'processes' },
        { expr: `sum(vm_memory_binary{${one}})`, legend: 'binary' },
        { expr: `sum(vm_memory_ets{${one}})`, legend: 'ETS' },
      ]),
    )
    .withPanel(
      timeseries(9, 'Processes and run queue', 'short', { x: 12, y: 14, w: 12, h: 8 }, [
        { expr: `sum(system_process_count{${one}})`, legend: 'processes' },
        { expr: `sum(system_run_queue{${one}})`, legend: 'run queue' },
      ]),
    )
    .build();
}
