import type { IPrometheusRule } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PrometheusRule';
import type { Profile } from '../../profile/types';
import type { PlatformContracts } from '../contracts';

type Rule = NonNullable<NonNullable<NonNullable<IPrometheusRule['spec']>['groups']>[number]['rules']>[number];

/** Share of a limit at which an alert warns. */
const NEAR = 0.9;

/**
 * Alerts on the brokers, in VerneMQ 1.10's metric names (vernemq-metrics.ts): a broker down or
 * missing, the cluster split, connections near the limit the profile sets (listener.max_connections,
 * else the Erlang port limit), messages dropped because a session's queue is full.
 */
export function vernemqAlertRules(p: Profile, contracts: PlatformContracts): Rule[] {
  const job = contracts.vernemq.services.internal.name;
  const scope = `job="${job}", namespace="${p.namespace}"`;
  const v = p.vernemq;
  const limit = v.maxConnections === 'infinity' ? v.maxPorts : Math.min(v.maxConnections, v.maxPorts);
  const what =
    v.maxConnections === 'infinity'
      ? `its Erlang port limit (vernemq.maxPorts ${v.maxPorts})`
      : `vernemq.maxConnections (${v.maxConnections})`;
  return [
    {
      alert: 'VerneMQBrokerDown',
      expr: `up{${scope}} == 0`,
      for: '2m',
      labels: { severity: 'critical' },
      annotations: {
        summary: 'A VerneMQ broker does not answer its metrics scrape',
        description: '{{ $labels.pod }} has been down for 2 minutes: its devices reconnect to the others.',
      },
    },
    {
      alert: 'VerneMQBrokersMissing',
      expr: `count(up{${scope}} == 1) < ${v.replicas}`,
      for: '5m',
      labels: { severity: 'warning' },
      annotations: {
        summary: `Fewer than the ${v.replicas} VerneMQ brokers of the profile are up`,
        description: 'Only {{ $value }} brokers are up.',
      },
    },
    {
      alert: 'VerneMQNetsplit',
      expr: `sum by (node) (netsplit_detected{${scope}}) - sum by (node) (netsplit_resolved{${scope}}) > 0`,
      for: '1m',
      labels: { severity: 'critical' },
      annotations: {
        summary: 'The VerneMQ cluster is split',
        description: '{{ $labels.node }} sees a netsplit that has not been resolved.',
      },
    },
    {
      alert: 'VerneMQConnectionsNearLimit',
      expr: `sum by (node) (socket_open{${scope}}) - sum by (node) (socket_close{${scope}}) > ${Math.floor(limit * NEAR)}`,
      for: '5m',
      labels: { severity: 'warning' },
      annotations: {
        summary: `A VerneMQ broker holds over ${NEAR * 100}% of ${what}`,
        description: '{{ $labels.node }} holds {{ $value }} open connections.',
      },
    },
    {
      alert: 'VerneMQQueueDrops',
      expr: `sum by (node) (rate(queue_message_drop{${scope}}[5m])) > 0`,
      for: '10m',
      labels: { severity: 'warning' },
      annotations: {
        summary: "VerneMQ drops messages: sessions' queues are full",
        description: `{{ $labels.node }} drops {{ $value }} messages/s (queues hold vernemq.maxOnlineMessages ${v.maxOnlineMessages} per online session).`,
      },
    },
  ];
}
