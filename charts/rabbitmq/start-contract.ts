import { safe, type StartContract } from '../../lib/start-contract';

const ENTRYPOINT = 'docker-entrypoint.sh';

/**
 * dojot/rabbitmq:3.7-alpine, dojot's copy of the official rabbitmq:3.7-alpine: docker-library/rabbitmq
 * `3.7/alpine/` at 7219c8e (3.7.24, the release this chart's probes were read for; up to 3.7.28
 * the entrypoint only adds a copy of a read-only rabbitmq.conf to /tmp). `Dockerfile`: the
 * generic-unix rabbitmq-server in /opt/rabbitmq (its sbin, with rabbitmq-server, rabbitmqctl and
 * rabbitmq-diagnostics, on PATH), user rabbitmq 100:101, HOME /var/lib/rabbitmq, ENTRYPOINT
 * docker-entrypoint.sh, CMD rabbitmq-server. `docker-entrypoint.sh`: as root it re-executes itself
 * as rabbitmq (su-exec; ours starts as 100 already); with no RABBITMQ_* configuration variable and
 * no /etc/rabbitmq/rabbitmq.conf it writes one: `loopback_users.guest = false`, the cgroup v1
 * memory limit as `total_memory_available_override_value` when /sys/fs/cgroup/memory exists, and
 * `listeners.tcp.default = 5672` (fixed: no variable moves it; the contract's port is 5672).
 */
export const rabbitmqStart: StartContract = {
  runs: 'docker-entrypoint.sh rabbitmq-server',
  source: 'docker-library/rabbitmq 3.7/alpine/Dockerfile (ENTRYPOINT, CMD), 3.7/alpine/docker-entrypoint.sh',
  env: [
    // RabbitMQ's own guest/guest: flowbroker's AMQP_URL (amqp://rabbitmq:5672) carries no user, so its client logs in as guest,
    // which `loopback_users.guest = false` lets in from other hosts.
    { name: 'RABBITMQ_DEFAULT_USER', source: `${ENTRYPOINT} (rabbitConfigKeys)`, default: safe('guest') },
    { name: 'RABBITMQ_DEFAULT_PASS', source: `${ENTRYPOINT} (rabbitConfigKeys)`, default: safe('guest') },
    { name: 'RABBITMQ_DEFAULT_VHOST', source: `${ENTRYPOINT} (rabbitConfigKeys)`, default: safe('/') },
    // Unset: 40% of the memory RabbitMQ sees: the container's limit under cgroup v1 (the entrypoint reads
    // memory.limit_in_bytes), the node's whole memory under cgroup v2, where RabbitMQ 3.7 does not see the limit.
    { name: 'RABBITMQ_VM_MEMORY_HIGH_WATERMARK', source: `${ENTRYPOINT} (vm_memory_high_watermark)`, default: safe('0.4') },
    // One node: the cookie is generated on first start.
    { name: 'RABBITMQ_ERLANG_COOKIE', source: ENTRYPOINT, default: safe('generated in $HOME/.erlang.cookie') },
    { name: 'RABBITMQ_CONFIG_FILE', source: ENTRYPOINT, default: safe('/etc/rabbitmq/rabbitmq') },
    // The pod's hostname is its short name: short node names.
    { name: 'RABBITMQ_USE_LONGNAME', source: `${ENTRYPOINT} (hostname vs hostname -s)`, default: safe('') },
  ],
  probeBinaries: [
    {
      binary: 'rabbitmq-diagnostics',
      source:
        '3.7/alpine/Dockerfile (/opt/rabbitmq/sbin on PATH); rabbitmq-cli v3.7.24 check_running_command.ex, ping_command.ex (scopes :diagnostics)',
    },
  ],
};
