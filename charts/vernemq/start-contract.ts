import { hostPort } from '../../lib/contract';
import { safe, unsafe, type StartContract } from '../../lib/start-contract';
import type { Profile } from '../../profile/types';
import { x509IdentityMgmtContract } from '../x509-identity-mgmt/contract';
import { BROKER_POD_LABELS, vernemqContract } from './contract';
import { CONFIG_DIR, COOKIE_ENV } from './start-script';

const START = 'bin/vernemq.sh (start_vernemq)';
const DOJOT = 'bin/vmq_dojot/vmq_dojot.sh';
const TLS = 'bin/vmq_dojot/scripts_tls/_initVariables.sh';
const OURS = 'charts/vernemq/start-script.ts (start.sh, the container args)';

/**
 * dojot/vernemq-dojot v0.6.0: dojot/dojot tag v0.6.0, `connector/mqtt/vernemq/broker/` (VerneMQ
 * 1.10.0 built from vernemq/vernemq, and dojot's two plugins). `Dockerfile`: ENTRYPOINT tini, CMD
 * start_vernemq (`bin/vernemq.sh`), USER vernemq (10000). The chart keeps tini and runs its own
 * `start.sh` from the ConfigMap (charts/vernemq/start-script.ts): it renders vernemq.conf.local
 * and vm.args from the ConfigMap's files (the image ships no vm.args) with the cookie, runs
 * `/vernemq/vmq_dojot.sh` (`bin/vmq_dojot/vmq_dojot.sh` and `scripts_tls/`: waits up to 180 s for
 * x509-identity-mgmt's `/healthcheck`, has the broker's CSR signed, fetches the CA and the CRL,
 * starts supercronic; with USE_VMQ_OPERATOR other than n it returns without starting the broker),
 * then execs start_vernemq: it names the node, lists the pods by label through the Kubernetes API
 * (the service account's token, CA and namespace files that Kubernetes mounts), appends a
 * `node_join` of the first other pod, copies vernemq.conf.local over vernemq.conf with the pod's
 * address, and runs `vernemq console`. dojot's plugins read their variables when they load
 * (`src/dojot_acl_plugin/src/dojot_acl.erl`, `dojot_acl_plugin.erl`,
 * `src/dojot_disconnect_plugin/src/utils.erl`). The node joins its peer over the Erlang
 * distribution: epmd, then a port of 9100-9109 (the chart's own policy, no Service carries it).
 */
export const vernemqStart = (p: Profile): StartContract => {
  const { internal, cluster } = vernemqContract(p).services;
  const x509 = hostPort(x509IdentityMgmtContract(p).services.api, 'http');
  return {
    runs: `/bin/sh ${CONFIG_DIR}/start.sh: /vernemq/vmq_dojot.sh, then exec start_vernemq (under tini)`,
    source: `Dockerfile (ENTRYPOINT, CMD), ${OURS}`,
    env: [
      // Our start script (set -u).
      { name: COOKIE_ENV, source: `${OURS}: -setcookie in vm.args`, credential: true },
      {
        name: 'HOSTNAME',
        source: `${OURS}; ${TLS}: the certificate's CN and file names`,
        default: safe('the pod name, which Kubernetes sets'),
      },
      // The certificates (vmq_dojot.sh).
      { name: 'BASE_DIR', source: `${DOJOT}, ${TLS}`, default: safe('/vernemq') },
      {
        name: 'EJBCA_ADDRESS',
        source: TLS,
        default: { value: 'x509-identity-mgmt:3000', safe: x509 === 'x509-identity-mgmt:3000' },
        value: x509,
      },
      { name: 'CHECKEND_EXPIRATION_SEC', source: TLS, default: safe('43200') },
      // The certificate's DNS names: the one devices reach the brokers by, and the bridges' (mqtt.host).
      { name: 'EXTERNAL_SERVER_HOSTNAME', source: TLS, default: unsafe('localhost'), value: p.domainName },
      { name: 'EXTERNAL_SERVER_IP', source: TLS, default: safe('none') },
      { name: 'INTERNAL_DNS', source: TLS, default: { value: 'vernemq-k8s', safe: internal.name === 'vernemq-k8s' }, value: internal.name },
      { name: 'CA_NAME', source: TLS, default: safe('IOTmidCA') },
      { name: 'CRL_UPDATE_TIME', source: TLS, default: safe('0 */2 * * *') },
      { name: 'CHECK_EXPIRATION_TIME', source: TLS, default: safe('0 1 * * *') },
      { name: 'CHECK_BROKER_CERT_REVOKED_TIME', source: TLS, default: safe('0 */3 * * *') },
      // With n, vmq_dojot.sh would start a broker itself, before start.sh's own.
      { name: 'USE_VMQ_OPERATOR', source: `${TLS}, ${DOJOT}:166`, default: unsafe('n'), value: 'y' },
      // The node (start_vernemq).
      { name: 'DOCKER_NET_INTERFACE', source: START, default: safe('eth0') },
      { name: 'DOCKER_IP_ADDRESS', source: START, default: safe("eth0's address: the pod's") },
      // start_vernemq renames the node after MY_POD_NAME; the preStop hook (start-script.ts) leaves the cluster by this name.
      { name: 'DOCKER_VERNEMQ_NODENAME', source: `${START}:7-8; charts/vernemq/start-script.ts (preStopCommand)` },
      // Unset, no discovery: every broker would stay a cluster of one.
      { name: 'DOCKER_VERNEMQ_DISCOVERY_KUBERNETES', source: `${START}:47`, default: unsafe('unset: no cluster') },
      {
        name: 'DOCKER_VERNEMQ_KUBERNETES_CLUSTER_NAME',
        source: `${START}:48`,
        default: { value: 'cluster.local', safe: p.clusterDomain === 'cluster.local' },
        value: p.clusterDomain,
      },
      {
        name: 'DOCKER_VERNEMQ_KUBERNETES_NAMESPACE',
        source: `${START}:50`,
        default: safe('/var/run/secrets/kubernetes.io/serviceaccount/namespace'),
      },
      {
        name: 'DOCKER_VERNEMQ_KUBERNETES_SUBDOMAIN',
        source: `${START}:52`,
        default: safe("the first pod's spec.subdomain"),
        value: cluster.name,
      },
      {
        name: 'DOCKER_VERNEMQ_KUBERNETES_LABEL_SELECTOR',
        source: `Dockerfile (ENV), ${START}:52,61`,
        default: unsafe('app=vernemq'),
        value: Object.entries(BROKER_POD_LABELS)
          .map(([k, v]) => `${k}=${v}`)
          .join(','),
      },
      { name: 'DOCKER_VERNEMQ_KUBERNETES_INSECURE', source: `${START}:43`, default: safe('unset') },
      // Its name in the cluster, and the one pod of the list it does not join.
      { name: 'MY_POD_NAME', source: `${START}:54-70` },
      { name: 'DOCKER_VERNEMQ_DISCOVERY_NODE', source: `${START}:18`, default: safe('unset') },
      { name: 'DOCKER_VERNEMQ_SWARM', source: `${START}:10`, default: safe('unset') },
      { name: 'DOCKER_VERNEMQ_COMPOSE', source: `${START}:28`, default: safe('unset') },
      // dojot's plugins: the bridges are the users whose names hold these (binary:match).
      {
        name: 'PLUGIN_ACL_V2K_SERVICENAME',
        source: 'src/dojot_acl_plugin/src/dojot_acl.erl:4',
        default: safe('v2k-bridge'),
        value: 'v2k-bridge',
      },
      {
        name: 'PLUGIN_ACL_K2V_SERVICENAME',
        source: 'src/dojot_acl_plugin/src/dojot_acl.erl:3',
        default: safe('k2v-bridge'),
        value: 'k2v-bridge',
      },
      { name: 'PLUGIN_ACL_CHAIN', source: 'src/dojot_acl_plugin/src/dojot_acl_plugin.erl:3', default: safe('n') },
      { name: 'PLUGIN_DISC_LIFETIME_SESSION', source: 'src/dojot_disconnect_plugin/src/utils.erl:5', default: safe('1800000') },
    ],
    files: [
      { path: `${CONFIG_DIR}/start.sh`, source: OURS },
      { path: `${CONFIG_DIR}/vernemq.conf`, source: `${OURS}: to /vernemq/etc/vernemq.conf.local (${START}:79-81)` },
      { path: `${CONFIG_DIR}/vm.args`, source: `${OURS}: to /vernemq/etc/vm.args (${START}:8, 59, 73)` },
    ],
    peers: [
      { to: 'x509IdentityMgmt', service: 'api', port: 'http', source: `EJBCA_ADDRESS (${DOJOT}, scripts_tls/signCert.sh)` },
      // The peer it joins: <pod>.<DOCKER_VERNEMQ_KUBERNETES_SUBDOMAIN>..., epmd first, then the cluster listener.
      { to: 'vernemq', service: 'cluster', port: 'epmd', source: `${START}:73 (vmq_server_cmd:node_join)` },
      { to: 'vernemq', service: 'cluster', port: 'clustering', source: 'listener.vmq.clustering (charts/vernemq/broker-settings.ts)' },
    ],
  };
};
