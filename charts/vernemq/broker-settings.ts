import type { Profile } from '../../profile/types';
import { TCP_BUFFER_SIZES, VERNEMQ_FIGURES } from '../../profile/vernemq-sizing';

/**
 * The settings of a dojot VerneMQ 1.10 node, typed and documented here and rendered into the
 * two files the image's start script reads (`/vernemq/etc/vernemq.conf.local` and
 * `/vernemq/etc/vm.args`), so that a change reads as a change in review. The values are v0.6.0's
 * (its VerneMQ resource's `VERNEMQ_CONF`, `VM_ARGS` and `spec.config`), except where noted.
 */
export interface BrokerSettings {
  /** Cluster metadata store: SWC, the successor of plumtree. */
  readonly metadataPlugin: 'vmq_swc' | 'vmq_plumtree';
  readonly listeners: {
    /** Plain MQTT, inside the cluster always (the NodePort follows `vernemq.insecureMqtt`). */
    readonly mqtt: string;
    /** MQTT over WebSocket. v0.6.0 listened on 1888, a port no Service reached; 8080 is the Service's `mqtt-ws`. */
    readonly websocket: string;
    /** Traffic between the nodes, on the pod's own address (`###IPADDRESS###`, which the image substitutes). */
    readonly clustering: string;
    /** Status, health (`/health`) and Prometheus metrics (`/metrics`). */
    readonly http: string;
    /** MQTT over TLS with client certificates issued by x509-identity-mgmt. */
    readonly tls: {
      readonly address: string;
      readonly cafile: string;
      /** `###HOSTNAME###` is the pod's host name: the image names the broker's certificate after it. */
      readonly certfile: string;
      readonly keyfile: string;
      readonly crlfile: string;
      /** The certificate's CN is the MQTT user name (the device identity). */
      readonly useIdentityAsUsername: boolean;
      readonly requireCertificate: boolean;
    };
  };
  /** The Erlang distribution's port range: vmq-admin and cluster membership between the nodes. */
  readonly distributionPorts: { readonly minimum: number; readonly maximum: number };
  /** VerneMQ's own password file and ACL plugins; dojot authorizes with its own plugins instead. */
  readonly builtinAuth: { readonly passwd: boolean; readonly acl: boolean };
  /** Plugins loaded from the image, with their priority (higher runs first). */
  readonly plugins: readonly { readonly name: string; readonly path: string; readonly priority: number }[];
  readonly log: { readonly console: 'console' | 'off'; readonly level: 'debug' | 'info' | 'warning' | 'error' };
  readonly maxConnections: number | 'infinity';
  /** The $SYS tree of broker statistics, off to save work. */
  readonly systree: boolean;
  /**
   * Bytes the message store (LevelDB) may use. v0.6.0 gave a share of the memory, which eleveldb
   * reads from the host, not from the container's limit: on the guide's 8 GB nodes 20% was more
   * than a broker's whole limit.
   */
  readonly leveldbMaxMemory: number;
  /** TCP buffers of the MQTT listeners (sndbuf, recbuf, user-level buffer): the memory each connection costs. */
  readonly tcpBufferSizes: readonly [number, number, number];
  readonly queues: { readonly maxOnlineMessages: number; readonly maxOfflineMessages: number; readonly maxInflightMessages: number };
  /** Shared subscriptions deliver to subscribers on the same node first (the bridges run beside each broker). */
  readonly sharedSubscriptionPolicy: 'prefer_local' | 'local_only' | 'random';
  /** Keep accepting registrations, publishes and (un)subscriptions while the cluster is split. */
  readonly availableDuringNetsplit: boolean;
  /** Erlang VM flags (vm.args). */
  readonly vm: { readonly processLimit: number; readonly maxPorts: number; readonly asyncThreads: number };
}

/** The broker settings of a profile: v0.6.0's, with the limits the profile sets. */
export function brokerSettings(v: Profile['vernemq']): BrokerSettings {
  return {
    metadataPlugin: 'vmq_swc',
    listeners: {
      mqtt: '0.0.0.0:1883',
      websocket: '0.0.0.0:8080',
      clustering: '###IPADDRESS###:44053',
      http: '0.0.0.0:8888',
      tls: {
        address: '0.0.0.0:8883',
        cafile: '/vernemq/cert/ca.crt',
        certfile: '/vernemq/cert/###HOSTNAME###.crt',
        keyfile: '/vernemq/cert/###HOSTNAME###.key',
        crlfile: '/vernemq/cert/ca.crl',
        useIdentityAsUsername: true,
        requireCertificate: true,
      },
    },
    distributionPorts: { minimum: 9100, maximum: 9109 },
    builtinAuth: { passwd: false, acl: false },
    // v0.6.0 also loaded vmq_k8s, which only the operator's bundler provided.
    plugins: [
      { name: 'dojot_acl_plugin', path: '/vernemq/dojot_acl_plugin/default', priority: 2 },
      { name: 'dojot_disconnect_plugin', path: '/vernemq/dojot_disconnect_plugin/default', priority: 2 },
    ],
    log: { console: 'console', level: 'info' },
    maxConnections: v.maxConnections,
    systree: false,
    leveldbMaxMemory: VERNEMQ_FIGURES.leveldb,
    tcpBufferSizes: TCP_BUFFER_SIZES,
    queues: {
      maxOnlineMessages: v.maxOnlineMessages,
      maxOfflineMessages: v.maxOfflineMessages,
      maxInflightMessages: v.maxInflightMessages,
    },
    sharedSubscriptionPolicy: 'prefer_local',
    availableDuringNetsplit: true,
    vm: { processLimit: v.processLimit, maxPorts: v.maxPorts, asyncThreads: 64 },
  };
}

const onOff = (b: boolean) => (b ? 'on' : 'off');

/** The settings as vernemq.conf `key = value` pairs. */
export function vernemqConfEntries(s: BrokerSettings): [string, string | number][] {
  const l = s.listeners;
  return [
    ['metadata_plugin', s.metadataPlugin],
    ['listener.tcp.default', l.mqtt],
    ['listener.ws.default', l.websocket],
    ['listener.vmq.clustering', l.clustering],
    ['listener.http.default', l.http],
    ['listener.ssl.default', l.tls.address],
    ['listener.ssl.default.cafile', l.tls.cafile],
    ['listener.ssl.default.certfile', l.tls.certfile],
    ['listener.ssl.default.keyfile', l.tls.keyfile],
    ['listener.ssl.default.crlfile', l.tls.crlfile],
    ['listener.ssl.default.use_identity_as_username', onOff(l.tls.useIdentityAsUsername)],
    ['listener.ssl.default.require_certificate', onOff(l.tls.requireCertificate)],
    ['listener.max_connections', s.maxConnections],
    ['listener.tcp.buffer_sizes', s.tcpBufferSizes.join(',')],
    ['listener.ssl.buffer_sizes', s.tcpBufferSizes.join(',')],
    ['erlang.distribution.port_range.minimum', s.distributionPorts.minimum],
    ['erlang.distribution.port_range.maximum', s.distributionPorts.maximum],
    ['plugins.vmq_passwd', onOff(s.builtinAuth.passwd)],
    ['plugins.vmq_acl', onOff(s.builtinAuth.acl)],
    ...s.plugins.flatMap((p): [string, string | number][] => [
      [`plugins.${p.name}`, 'on'],
      [`plugins.${p.name}.path`, p.path],
      [`plugins.${p.name}.priority`, p.priority],
    ]),
    ['log.console', s.log.console],
    ['log.console.level', s.log.level],
    ['systree_enabled', onOff(s.systree)],
    ['leveldb.maximum_memory', s.leveldbMaxMemory],
    ['max_online_messages', s.queues.maxOnlineMessages],
    ['max_offline_messages', s.queues.maxOfflineMessages],
    ['max_inflight_messages', s.queues.maxInflightMessages],
    ['shared_subscription_policy', s.sharedSubscriptionPolicy],
    ...['register', 'publish', 'subscribe', 'unsubscribe'].map((a): [string, string] => [
      `allow_${a}_during_netsplit`,
      onOff(s.availableDuringNetsplit),
    ]),
  ];
}

/** vernemq.conf, as the image's start script copies it from `vernemq.conf.local`. */
export function renderVernemqConf(s: BrokerSettings): string {
  const lines = vernemqConfEntries(s).map(([k, v]) => `${k} = ${v}`);
  return ['## Generated by dojot-cdk8s (charts/vernemq/broker-settings.ts): VerneMQ 1.10 settings of every broker.', ...lines, ''].join(
    '\n',
  );
}

/**
 * vm.args flags. With this file present, cuttlefish ignores the `erlang.*`, `nodename` and
 * `distributed_cookie` keys of vernemq.conf (cuttlefish 2.3 `cuttlefish_escript.erl`), as it
 * did in v0.6.0, whose operator always wrote vm.args. The start script appends `-setcookie`
 * with the cookie of the vernemq-secret Secret.
 */
export function vmArgsEntries(s: BrokerSettings): string[] {
  return [
    // Replaced at start by the image's start_vernemq with the pod's DNS name (DOCKER_VERNEMQ_NODENAME).
    '-name VerneMQ@127.0.0.1',
    `+P ${s.vm.processLimit}`,
    `+Q ${s.vm.maxPorts}`,
    `+A ${s.vm.asyncThreads}`,
    '-env ERL_MAX_ETS_TABLES 256000',
    '-env ERL_CRASH_DUMP /vernemq/log/erl_crash.dump',
    '-env ERL_FULLSWEEP_AFTER 0',
    '+K true',
    '+W w',
    '-smp enable',
  ];
}

export const renderVmArgs = (s: BrokerSettings) => `${vmArgsEntries(s).join('\n')}\n`;
