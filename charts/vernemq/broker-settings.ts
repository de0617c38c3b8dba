/**
 * The settings of the dojot VerneMQ broker (vernemq.conf). The image reads them from the
 * VERNEMQ_CONF environment variable, base64-encoded: we keep them typed and documented here,
 * so that a change reads as a change in review, and encode them only at synth time.
 */
export interface BrokerSettings {
  /** Cluster metadata store: SWC, the successor of plumtree. */
  readonly metadataPlugin: 'vmq_swc' | 'vmq_plumtree';
  /** Listener for the other cluster nodes, on the pod's own address. */
  readonly clusterListener: string;
  /** HTTP listener: status page and Prometheus metrics. */
  readonly httpListener: string;
  /** VerneMQ's own password file and ACL plugins; dojot authorizes with its own plugins instead. */
  readonly builtinAuth: { readonly passwd: boolean; readonly acl: boolean };
  /** Plugins loaded from the image, with their priority (higher runs first). */
  readonly plugins: readonly { readonly name: string; readonly path: string; readonly priority: number }[];
  readonly log: { readonly console: 'console' | 'off'; readonly level: 'debug' | 'info' | 'warning' | 'error' };
  /** MQTT over TLS with client certificates issued by x509-identity-mgmt. */
  readonly tls: {
    readonly listener: string;
    readonly cafile: string;
    readonly certfile: string;
    readonly keyfile: string;
    readonly crlfile: string;
    /** The certificate's CN is the MQTT user name (the device identity). */
    readonly useIdentityAsUsername: boolean;
    readonly requireCertificate: boolean;
  };
  /** Connections per listener: unlimited, for 100,000 devices over 3 brokers. */
  readonly maxConnections: number | 'infinity';
  /** Erlang VM limits: ports (one per socket) and inter-node buffers. */
  readonly erlang: { readonly maxPorts: number; readonly distributionBufferSizeKb: number; readonly asyncThreadStackSizeKb: number };
  /** The $SYS tree of broker statistics, off to save work. */
  readonly systree: boolean;
  /** Share of memory the message store (LevelDB) may use. */
  readonly leveldbMaxMemoryPercent: number;
  /** Per-session queue limits. */
  readonly queues: { readonly maxOnlineMessages: number; readonly maxOfflineMessages: number; readonly maxInflightMessages: number };
  /** Shared subscriptions deliver to subscribers on the same node first (the bridges run beside each broker). */
  readonly sharedSubscriptionPolicy: 'prefer_local' | 'local_only' | 'random';
}

/** The dojot v0.6.0 broker settings (the original's VERNEMQ_CONF). */
export const DOJOT_BROKER_SETTINGS: BrokerSettings = {
  metadataPlugin: 'vmq_swc',
  clusterListener: '$MY_POD_IP:44053',
  httpListener: '0.0.0.0:8888',
  builtinAuth: { passwd: false, acl: false },
  plugins: [
    { name: 'vmq_k8s', path: '/vernemq/plugins/_build/default', priority: 3 },
    { name: 'dojot_acl_plugin', path: '/vernemq/dojot_acl_plugin/default', priority: 2 },
    { name: 'dojot_disconnect_plugin', path: '/vernemq/dojot_disconnect_plugin/default', priority: 2 },
  ],
  log: { console: 'console', level: 'info' },
  tls: {
    listener: '0.0.0.0:8883',
    cafile: '/vernemq/cert/ca.crt',
    certfile: '/vernemq/cert/$HOSTNAME.crt',
    keyfile: '/vernemq/cert/$HOSTNAME.key',
    crlfile: '/vernemq/cert/ca.crl',
    useIdentityAsUsername: true,
    requireCertificate: true,
  },
  maxConnections: 'infinity',
  erlang: { maxPorts: 134217727, distributionBufferSizeKb: 512000, asyncThreadStackSizeKb: 131072 },
  systree: false,
  leveldbMaxMemoryPercent: 20,
  queues: { maxOnlineMessages: 50000, maxOfflineMessages: 50000, maxInflightMessages: 100 },
  sharedSubscriptionPolicy: 'prefer_local',
};

const onOff = (b: boolean) => (b ? 'on' : 'off');

/** The settings as vernemq.conf `key = value` pairs, in the original's order. */
export function vernemqConfEntries(s: BrokerSettings): [string, string | number][] {
  return [
    ['metadata_plugin', s.metadataPlugin],
    ['listener.vmq.clustering', s.clusterListener],
    ['listener.http.default', s.httpListener],
    ['plugins.vmq_passwd', onOff(s.builtinAuth.passwd)],
    ['plugins.vmq_acl', onOff(s.builtinAuth.acl)],
    ...s.plugins.map((p): [string, string] => [`plugins.${p.name}.path`, p.path]),
    ...s.plugins.map((p): [string, string] => [`plugins.${p.name}`, 'on']),
    ...s.plugins.map((p): [string, number] => [`plugins.${p.name}.priority`, p.priority]),
    ['log.console', s.log.console],
    ['log.console.level', s.log.level],
    ['listener.ssl.default', s.tls.listener],
    ['listener.ssl.default.cafile', s.tls.cafile],
    ['listener.ssl.default.certfile', s.tls.certfile],
    ['listener.ssl.default.keyfile', s.tls.keyfile],
    ['listener.ssl.default.crlfile', s.tls.crlfile],
    ['listener.ssl.default.use_identity_as_username', onOff(s.tls.useIdentityAsUsername)],
    ['listener.ssl.default.require_certificate', onOff(s.tls.requireCertificate)],
    ['listener.max_connections', s.maxConnections],
    ['erlang.max_ports', s.erlang.maxPorts],
    ['systree_enabled', onOff(s.systree)],
    ['leveldb.maximum_memory.percent', s.leveldbMaxMemoryPercent],
    ['max_online_messages', s.queues.maxOnlineMessages],
    ['max_offline_messages', s.queues.maxOfflineMessages],
    ['max_inflight_messages', s.queues.maxInflightMessages],
    ['shared_subscription_policy', s.sharedSubscriptionPolicy],
    ['erlang.distribution_buffer_size', s.erlang.distributionBufferSizeKb],
    ['erlang.async_threads.stack_size', s.erlang.asyncThreadStackSizeKb],
  ];
}

export const renderVernemqConf = (s: BrokerSettings) =>
  vernemqConfEntries(s)
    .map(([k, v]) => `${k} = ${v}`)
    .join('\n');

/** What the image reads: the conf, base64-encoded. */
export const encodeVernemqConf = (s: BrokerSettings) => Buffer.from(renderVernemqConf(s)).toString('base64');
