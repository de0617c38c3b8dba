/**
 * The metrics VerneMQ 1.10.0 exports on `/metrics` of its HTTP listener (the `http` port 8888 of
 * `vernemq-k8s`), read from vernemq/vernemq tag 1.10.0 `apps/vmq_server/src/vmq_metrics.erl`
 * (metric_defs, lines 643-1085) and `vmq_metrics_http.erl`: the bare names (no `vernemq_`
 * prefix; later releases' documentation lists 2.x names), each series with a `node` label.
 * dojot's broker image builds 1.10.0 unpatched and its plugins add none. With
 * `metadata_plugin = vmq_swc` (ours) vmq_swc adds its own (`vmq_swc_metrics.erl`).
 * There is no `active_mqtt_connections` in 1.10 (it came with 1.13): open connections are
 * `socket_open - socket_close`, sessions `queue_processes`.
 */
export const VERNEMQ_METRICS = {
  counters: [
    'socket_open', 'socket_close', 'socket_close_timeout', 'socket_error', 'bytes_received', 'bytes_sent',
    'mqtt_connect_received', 'mqtt_publish_received', 'mqtt_puback_received', 'mqtt_pubrec_received', 'mqtt_pubrel_received',
    'mqtt_pubcomp_received', 'mqtt_subscribe_received', 'mqtt_unsubscribe_received', 'mqtt_pingreq_received', 'mqtt_disconnect_received',
    'mqtt_connack_sent', 'mqtt_publish_sent', 'mqtt_puback_sent', 'mqtt_pubrec_sent', 'mqtt_pubrel_sent', 'mqtt_pubcomp_sent',
    'mqtt_suback_sent', 'mqtt_unsuback_sent', 'mqtt_pingresp_sent', 'mqtt_publish_auth_error', 'mqtt_subscribe_auth_error',
    'mqtt_invalid_msg_size_error', 'mqtt_puback_invalid_error', 'mqtt_pubrec_invalid_error', 'mqtt_pubcomp_invalid_error',
    'mqtt_publish_error', 'mqtt_subscribe_error', 'mqtt_unsubscribe_error', 'client_keepalive_expired',
    'queue_setup', 'queue_initialized_from_storage', 'queue_teardown', 'queue_message_drop', 'queue_message_expired',
    'queue_message_unhandled', 'queue_message_in', 'queue_message_out',
    'cluster_bytes_received', 'cluster_bytes_sent', 'cluster_bytes_dropped', 'router_matches_local', 'router_matches_remote',
    'netsplit_detected', 'netsplit_resolved',
    'system_context_switches', 'system_exact_reductions', 'system_gc_count', 'system_words_reclaimed_by_gc', 'system_io_in',
    'system_io_out', 'system_reductions', 'system_runtime', 'system_wallclock',
  ],
  gauges: [
    'router_subscriptions', 'router_memory', 'retain_messages', 'retain_memory', 'queue_processes', 'system_run_queue',
    'system_process_count', 'vm_memory_total', 'vm_memory_processes', 'vm_memory_processes_used', 'vm_memory_system',
    'vm_memory_atom', 'vm_memory_atom_used', 'vm_memory_binary', 'vm_memory_code', 'vm_memory_ets', 'system_utilization',
  ],
} as const;

/** Every name a query may use: VerneMQ's, and Prometheus's own `up` of each scrape target. */
export const KNOWN_METRICS: ReadonlySet<string> = new Set([...VERNEMQ_METRICS.counters, ...VERNEMQ_METRICS.gauges, 'up']);
