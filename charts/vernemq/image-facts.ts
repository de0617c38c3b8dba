/**
 * What `dojot/vernemq-dojot:v0.6.0` reads, from its sources: dojot/dojot tag v0.6.0,
 * `connector/mqtt/vernemq/broker/` (abbreviated `broker/`), and VerneMQ 1.10.0's configuration
 * schemas (vernemq/vernemq tag 1.10.0, `apps/vmq_server/priv/vmq_server.schema`, `files/vmq.schema`;
 * cuttlefish 2.3.0 `priv/erlang_vm.schema`; eleveldb `priv/eleveldb.schema`). Nothing can run the
 * image here, so a test checks every variable, key and flag the StatefulSet sets against these.
 */

/** Environment variables the image's scripts and plugins read, with where. */
export const IMAGE_ENVIRONMENT: Readonly<Record<string, string>> = {
  HOSTNAME:
    'broker/bin/vmq_dojot/scripts_tls/_initVariables.sh:5, CN and file names of the broker certificate (Kubernetes sets it to the pod name)',
  EJBCA_ADDRESS: '_initVariables.sh:7, host:port of x509-identity-mgmt',
  CHECKEND_EXPIRATION_SEC: '_initVariables.sh:9, renewal window of the certificates',
  EXTERNAL_SERVER_HOSTNAME: '_initVariables.sh:11, SAN DNS.2 of the broker certificate',
  EXTERNAL_SERVER_IP: '_initVariables.sh:12, SAN IP.1 when set',
  INTERNAL_DNS: '_initVariables.sh:13, SAN DNS.1: the name the bridges connect to',
  CRL_UPDATE_TIME: '_initVariables.sh:22, cron of retrieveCRL.sh',
  CHECK_EXPIRATION_TIME: '_initVariables.sh:24, cron of checkExpirationCertificate.sh',
  CHECK_BROKER_CERT_REVOKED_TIME: '_initVariables.sh:26, cron of checkBrokerCertHasRevoke.sh',
  USE_VMQ_OPERATOR: '_initVariables.sh:29 and vmq_dojot.sh:166-169: anything but n, and vmq_dojot.sh returns without starting the broker',
  DOCKER_IP_ADDRESS: "broker/bin/vernemq.sh:4, the address substituted for ###IPADDRESS### (default: eth0's)",
  DOCKER_VERNEMQ_NODENAME: 'vernemq.sh:7-8, -name VerneMQ@<value> in vm.args',
  DOCKER_VERNEMQ_DISCOVERY_KUBERNETES: 'vernemq.sh:47, turns on discovery through the Kubernetes API',
  DOCKER_VERNEMQ_KUBERNETES_CLUSTER_NAME: 'vernemq.sh:48, the cluster domain (default cluster.local)',
  DOCKER_VERNEMQ_KUBERNETES_NAMESPACE: 'vernemq.sh:50, namespace of the pod list',
  DOCKER_VERNEMQ_KUBERNETES_SUBDOMAIN: "vernemq.sh:52, the governing Service in the nodes' names",
  DOCKER_VERNEMQ_KUBERNETES_LABEL_SELECTOR: 'vernemq.sh:52,61, the pods listed (Dockerfile:40 default app=vernemq)',
  MY_POD_NAME: "vernemq.sh:54-70, this node's name; skipped when choosing the peer to join",
  PLUGIN_ACL_K2V_SERVICENAME: 'broker/src/dojot_acl_plugin/src/dojot_acl.erl:3, client id prefix of k2v-bridge',
  PLUGIN_ACL_V2K_SERVICENAME: 'dojot_acl.erl:4, client id prefix of v2k-bridge',
  PLUGIN_DISC_LIFETIME_SESSION: 'broker/src/dojot_disconnect_plugin/src/utils.erl:5, session lifetime in ms',
};

/**
 * vernemq.conf keys of VerneMQ 1.10.0 that the settings use; `$name` stands for a listener or
 * plugin name. A key the schema does not know stops the node at start ("Conf file attempted to
 * set unknown variable", cuttlefish `cuttlefish_error.erl`).
 */
export const CONF_KEYS: Readonly<Record<string, string>> = {
  metadata_plugin: 'vmq_server.schema:1718',
  'listener.max_connections': 'vmq_server.schema:421',
  'listener.tcp.$name': 'vmq_server.schema:638',
  'listener.ws.$name': 'vmq_server.schema:644',
  'listener.ssl.$name': 'vmq_server.schema:656',
  'listener.vmq.$name': 'vmq_server.schema:819',
  'listener.http.$name': 'vmq_server.schema:835',
  'listener.ssl.$name.cafile': 'vmq_server.schema:965',
  'listener.ssl.$name.certfile': 'vmq_server.schema:1074',
  'listener.ssl.$name.keyfile': 'vmq_server.schema:1128',
  'listener.ssl.$name.crlfile': 'vmq_server.schema:1233',
  'listener.ssl.$name.require_certificate': 'vmq_server.schema:1287',
  'listener.ssl.$name.use_identity_as_username': 'vmq_server.schema:1383',
  'erlang.distribution.port_range.minimum': 'erlang_vm.schema:301',
  'erlang.distribution.port_range.maximum': 'erlang_vm.schema:305',
  'plugins.$name': 'vmq_server.schema:1597',
  'plugins.$name.path': 'vmq_server.schema:1605',
  'plugins.$name.priority': 'vmq_server.schema:1615',
  'log.console': 'files/vmq.schema:26',
  'log.console.level': 'files/vmq.schema:31',
  systree_enabled: 'vmq_server.schema:1420',
  'leveldb.maximum_memory': 'eleveldb.schema:27',
  'listener.tcp.buffer_sizes': 'vmq_server.schema:368',
  'listener.ssl.buffer_sizes': 'vmq_server.schema:380',
  max_online_messages: 'vmq_server.schema:249',
  max_offline_messages: 'vmq_server.schema:257',
  max_inflight_messages: 'vmq_server.schema:236',
  shared_subscription_policy: 'vmq_server.schema:1561',
  allow_register_during_netsplit: 'vmq_server.schema:14',
  allow_publish_during_netsplit: 'vmq_server.schema:20',
  allow_subscribe_during_netsplit: 'vmq_server.schema:26',
  allow_unsubscribe_during_netsplit: 'vmq_server.schema:32',
};

/** vm.args flags (erl's command line, as v0.6.0's operator wrote them; `+Q` is what erlang.max_ports maps to on OTP 21). */
export const VM_ARGS_FLAGS: Readonly<Record<string, string>> = {
  '-name': 'node name; rewritten by vernemq.sh:8 and :54-56',
  '-setcookie': 'distribution cookie; env.sh reads it for vmq-admin',
  '+P': 'process limit (erlang_vm.schema:209)',
  '+Q': 'port limit (erlang_vm.schema:163)',
  '+A': 'async threads (erlang_vm.schema:114)',
  '-env ERL_MAX_ETS_TABLES': 'ETS table limit',
  '-env ERL_CRASH_DUMP': 'crash dump file',
  '-env ERL_FULLSWEEP_AFTER': 'garbage collection',
  '+K': 'kernel poll',
  '+W': 'warning level of error_logger',
  '-smp': 'symmetric multiprocessing',
};

/** Files and commands of the image the StatefulSet relies on. */
export const IMAGE_PATHS = {
  /** broker/Dockerfile:66, certificates and cron, then start_vernemq unless USE_VMQ_OPERATOR is set. */
  dojotScript: '/vernemq/vmq_dojot.sh',
  /** broker/Dockerfile:57 (bin/vernemq.sh), the image's CMD. */
  startScript: 'start_vernemq',
  /** broker/Dockerfile:35-37: user and group vernemq, 10000 (USER is a name, so runAsNonRoot needs the number). */
  uid: 10000,
} as const;
