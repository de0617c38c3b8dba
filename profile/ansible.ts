import { PYYAML_BOOL, PYYAML_INT, VaultValue, pyyamlInt } from './ansible-yaml';
import { isPlainObject, setOwn } from './merge';
import { type Problem, unknownKey } from './problems';
import type { ProfileLayer } from './types';

/** Ansible variable → profile field. Mappings (dicts) land on a group, their keys camel-cased. */
export const ANSIBLE_FIELDS: Readonly<Record<string, string>> = {
  dojot_namespace: 'namespace',
  dojot_version: 'version',
  dojot_domain_name: 'domainName',
  dojot_storage_class_name: 'storageClassName',
  dojot_kubernetes_rbac: 'kubernetesRbac',
  dojot_fixed_nodeports_enabled: 'nodePorts.fixed',
  dojot_nodeports: 'nodePorts',
  dojot_enable_node_affinity: 'placement.nodeAffinity',
  dojot_node_label: 'placement.nodeLabels',
  dojot_zk_client_port: 'zookeeper.clientPort',
  dojot_zk_server_port: 'zookeeper.serverPort',
  dojot_zk_election_port: 'zookeeper.electionPort',
  dojot_zk_cluster_size: 'zookeeper.clusterSize',
  dojot_zk_persistent_volumes: 'zookeeper.persistence.enabled',
  dojot_zk_volume_size: 'zookeeper.persistence.size',
  dojot_psql_version: 'postgres.version',
  dojot_psql_port: 'postgres.port',
  dojot_psql_default_db: 'postgres.defaultDb',
  dojot_psql_super_user: 'postgres.superUser',
  dojot_psql_kong_user: 'postgres.kong.user',
  dojot_psql_kong_db: 'postgres.kong.db',
  dojot_psql_ejbca_user: 'postgres.ejbca.user',
  dojot_psql_ejbca_db: 'postgres.ejbca.db',
  dojot_psql_auth_user: 'postgres.authUser',
  dojot_psql_devm_user: 'postgres.devmUser',
  dojot_psql_persistent_volumes: 'postgres.persistence.enabled',
  dojot_psql_volume_size: 'postgres.persistence.size',
  dojot_mongodb_version: 'mongodb.version',
  dojot_mongodb_port: 'mongodb.port',
  dojot_mongodb_super_user: 'mongodb.superUser',
  dojot_mongodb_persistent_volumes: 'mongodb.persistence.enabled',
  dojot_mongodb_volume_size: 'mongodb.persistence.size',
  dojot_kafka_port: 'kafka.port',
  dojot_kafka_cluster_size: 'kafka.clusterSize',
  dojot_kafka_persistent_volumes: 'kafka.persistence.enabled',
  dojot_kafka_volume_size: 'kafka.persistence.size',
  dojot_verne_version: 'vernemq.version',
  dojot_vernemq_replicas: 'vernemq.replicas',
  dojot_insecure_mqtt: 'vernemq.insecureMqtt',
  dojot_bridges_replicas: 'bridges.replicas',
  dojot_v2k_version: 'bridges.v2kVersion',
  dojot_k2v_version: 'bridges.k2vVersion',
  dojot_loopback_version: 'bridges.loopbackVersion',
  dojot_apigw_version: 'apigw.version',
  dojot_internal_http_port: 'apigw.httpPort',
  dojot_internal_https_port: 'apigw.httpsPort',
  dojot_internal_api_config_port: 'apigw.adminPort',
  dojot_apigw_enable_mutual_tls: 'apigw.mutualTls',
  dojot_apigw_persistent_volumes: 'apigw.persistence.enabled',
  dojot_apigw_volume_size: 'apigw.persistence.size',
  dojot_auth_version: 'auth.version',
  dojot_auth_email_enabled: 'auth.emailEnabled',
  dojot_gui_url_set_password: 'auth.resetPasswordUrl',
  dojot_data_broker_version: 'dataBroker.version',
  dojot_kafka_ws_version: 'kafkaWs.version',
  dojot_kafka_ws_port: 'kafkaWs.port',
  dojot_kafka_ws_redis_port: 'kafkaWs.redisPort',
  dojot_kafka_ws_enable_tls: 'kafkaWs.tls',
  dojot_kafka_ws_persistent_volumes: 'kafkaWs.persistence.enabled',
  dojot_kafka_ws_volume_size: 'kafkaWs.persistence.size',
  dojot_x509_identity_mgmt_version: 'x509IdentityMgmt.version',
  dojot_x509_identity_mgmt_replicas: 'x509IdentityMgmt.replicas',
  dojot_x509_identity_mgmt_persistent_volumes: 'x509IdentityMgmt.persistence.enabled',
  dojot_x509_identity_management_volume_size: 'x509IdentityMgmt.persistence.size',
  dojot_minio_version: 'minio.version',
  dojot_minio_port: 'minio.port',
  dojot_minio_cluster_size: 'minio.clusterSize',
  dojot_minio_persistent_volumes: 'minio.persistence.enabled',
  dojot_minio_volume_size: 'minio.persistence.size',
  dojot_influxdb_version: 'influxdb.version',
  dojot_influxdb_port: 'influxdb.port',
  dojot_influxdb_organization_name: 'influxdb.organizationName',
  dojot_influxdb_bucket: 'influxdb.bucket',
  dojot_influxdb_retention: 'influxdb.retention',
  dojot_influxdb_persistent_volumes: 'influxdb.persistence.enabled',
  dojot_influxdb_volume_size: 'influxdb.persistence.size',
  dojot_influxdb_storer_log_level: 'influxdb.storerLogLevel',
  dojot_influxdb_retriever_log_level: 'influxdb.retrieverLogLevel',
  dojot_file_server_address: 'iotagentLwm2m.fileServerAddress',
  file_server_http_port: 'iotagentLwm2m.fileServerHttpPort',
  file_server_https_port: 'iotagentLwm2m.fileServerHttpsPort',
  dojot_guiv2_enabled: 'guiV2.enabled',
  dojot_guiv2_image: 'guiV2.image',
  dojot_guiv2_version: 'guiV2.version',
  dojot_image_manager_version: 'versions.imageManager',
  dojot_devm_version: 'versions.deviceManager',
  dojot_flowbroker_version: 'versions.flowbroker',
  dojot_flowbroker_context_manager_version: 'versions.flowbrokerContextManager',
  dojot_gui_version: 'versions.gui',
  dojot_history_version: 'versions.history',
  dojot_persister_version: 'versions.persister',
  dojot_iotagent_mosca_version: 'versions.iotagentMosca',
  dojot_iotagent_lwm2m_version: 'versions.iotagentLwm2m',
  dojot_data_manager_version: 'versions.dataManager',
  dojot_kafka2ftp_version: 'versions.kafka2ftp',
  dojot_influxdb_storer_version: 'versions.influxdbStorer',
  dojot_influxdb_retriever_version: 'versions.influxdbRetriever',
  dojot_rabbitmq_version: 'versions.rabbitmq',
  optional: 'optional',
  dojot_enable_locust_exporter: 'locustExporter.enabled',
  dojot_locust_exporter: 'locustExporter',
};

/** Credentials: accepted and never carried into dist/ (`npm run secrets` generates them). */
export const ANSIBLE_CREDENTIALS = [
  'dojot_psql_super_passwd',
  'dojot_psql_kong_passwd',
  'dojot_psql_ejbca_passwd',
  'dojot_psql_auth_passwd',
  'dojot_psql_devm_passwd',
  'dojot_mongodb_super_passwd',
  'dojot_auth_email_host',
  'dojot_auth_email_user',
  'dojot_auth_email_passwd',
  'dojot_devm_crypto_pass',
  'dojot_devm_crypto_iv',
  'dojot_devm_crypto_salt',
  'dojot_minio_access_key',
  'dojot_minio_secret_key',
  's3_access_key',
  's3_secret_key',
  'dojot_influxdb_user',
  'dojot_influxdb_passwd',
  'dojot_influxdb_token',
] as const;

/** Variables v0.6.0 knew that no longer apply, with the one-line notice they give. */
export const ANSIBLE_RETIRED: Readonly<Record<string, string>> = {
  dojot_verne_operator_version:
    "the vmq-operator is gone: the brokers are a plain StatefulSet (see the README's differences); this value is not used",
  kong_url: "backstage reaches Kong at the address of Kong's own Service (its contract); this value is not used",
  kafka_host: "cron reaches Kafka at the address of Kafka's own Service (its contract); this value is not used",
  s3_url: "image-manager reaches MinIO at the address of MinIO's own Service (its contract); this value is not used",
};

/** Variables of the playbooks' own machinery, which have no meaning for manifests. */
export const ANSIBLE_IGNORED = [
  'dojot_kubeconfig_file_path',
  'dojot_bootstrap',
  'dojot_booststrap',
  'dojot_zk_use_external',
  'k8s_version',
  'docker_log_size',
  'haproxy_version',
  'nginx_version',
] as const;

const camel = (s: string) => s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
/** Variables whose "" the original's templates read as "not set" (an empty storageClassName: the cluster's default class). */
const EMPTY_MEANS_UNSET = ['dojot_storage_class_name'];
/** The original's own "{{ dojot_version }}": means "follow the platform version", our default. */
const FOLLOWS_VERSION = /^\{\{\s*dojot_version\s*\}\}$/;

export interface AnsibleTranslation {
  readonly layer: ProfileLayer;
  readonly problems: Problem[];
  /** Variables read but not carried over (credentials, playbook machinery). */
  readonly notices: string[];
  /** Variables that are not dojot's (`ansible_user`, another playbook's `ntp_servers`): skipped, counted in one line. */
  readonly skipped: string[];
}

/** The variables v0.6.0's playbooks read: `dojot_*`, and these few without the prefix. */
const isDojotVariable = (name: string, known: readonly string[]) => name.startsWith('dojot_') || known.includes(name);

/** Whether a value holds an Ansible Vault secret anywhere inside it. */
const holdsVault = (v: unknown): boolean =>
  v instanceof VaultValue || (v !== null && typeof v === 'object' && Object.values(v).some(holdsVault));

/**
 * Translates the variables of an Ansible `dojot.yaml` into a profile layer. Values keep their
 * YAML types; `'true'`/`'false'` and numeric strings become booleans and numbers where the
 * profile expects them (see `coerceTo`).
 */
export function translateAnsible(vars: Record<string, unknown>, reference: Record<string, unknown>): AnsibleTranslation {
  const layer: Record<string, unknown> = {};
  const problems: Problem[] = [];
  const notices: string[] = [];
  const skipped: string[] = [];
  const known = [...Object.keys(ANSIBLE_FIELDS), ...ANSIBLE_CREDENTIALS, ...ANSIBLE_IGNORED, ...Object.keys(ANSIBLE_RETIRED)];
  for (const [name, raw] of Object.entries(vars)) {
    // Ansible's own variables (connection settings, `ansible_group_priority`): read by Ansible, not by dojot.
    if (name.startsWith('ansible_')) continue;
    // A group_vars/all shared with other playbooks holds their variables too: not ours to judge.
    if (!isDojotVariable(name, known)) {
      skipped.push(name);
      continue;
    }
    if (Object.hasOwn(ANSIBLE_RETIRED, name)) {
      notices.push(`${name}: ${ANSIBLE_RETIRED[name]}`);
      continue;
    }
    if ((ANSIBLE_CREDENTIALS as readonly string[]).includes(name)) {
      notices.push(`${name}: a credential, not carried into dist/ (generate Secrets with npm run secrets)`);
      continue;
    }
    if ((ANSIBLE_IGNORED as readonly string[]).includes(name)) {
      notices.push(`${name}: playbook setting with no effect on the manifests`);
      continue;
    }
    if (!Object.hasOwn(ANSIBLE_FIELDS, name)) {
      problems.push({ path: name, message: unknownKey(name, known, 'dojot v0.6.0') });
      continue;
    }
    if (holdsVault(raw)) {
      problems.push({
        path: name,
        message: 'is encrypted with Ansible Vault, which dojot-cdk8s does not decrypt; it is no credential: write its value in the clear',
      });
      continue;
    }
    const field = ANSIBLE_FIELDS[name];
    // The original's own way of saying "unset": null, "{{ dojot_version }}", and "" for the storage class only.
    if (raw === null || (typeof raw === 'string' && FOLLOWS_VERSION.test(raw)) || (raw === '' && EMPTY_MEANS_UNSET.includes(name)))
      continue;
    if (typeof raw === 'string' && raw.includes('{{')) {
      problems.push({ path: name, message: `Jinja expressions are not evaluated here; write the value itself, got '${raw}'` });
      continue;
    }
    const target = lookup(reference, field);
    const value = isPlainObject(raw) ? camelKeys(raw, target) : coerceTo(raw, target);
    assign(layer, field, value);
  }
  return { layer, problems, notices, skipped };
}

/**
 * Ansible writes `'true'` and `'3'` loosely: a template prints the value into a manifest, which
 * Ansible's k8s module reads with the same YAML rules, so a string becomes the boolean or the
 * integer PyYAML would read in its text (`'yes'` true, `'010'` 8, `'08'` stays a string).
 */
function coerceTo(value: unknown, target: unknown): unknown {
  if (typeof target === 'boolean' && typeof value === 'string' && PYYAML_BOOL.test(value)) return /^(?:yes|true|on)$/i.test(value);
  if (typeof target === 'number' && typeof value === 'string' && PYYAML_INT.test(value)) return pyyamlInt(value);
  if (typeof target === 'string' && typeof value === 'number') return String(value);
  return value;
}

function camelKeys(obj: Record<string, unknown>, target: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) {
    const key = camel(k);
    const sub = isPlainObject(target) && Object.hasOwn(target, key) ? target[key] : undefined;
    setOwn(out, key, isPlainObject(v) ? camelKeys(v, sub) : coerceTo(v, sub));
  }
  return out;
}

function lookup(obj: Record<string, unknown>, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (isPlainObject(o) && Object.hasOwn(o, k) ? o[k] : undefined), obj);
}

/**
 * Sets `path` in the layer. Mappings merge with what is there, so `dojot_fixed_nodeports_enabled`
 * (nodePorts.fixed) and `dojot_nodeports` (nodePorts) both survive, in either order.
 */
function assign(obj: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = obj;
  for (const k of keys.slice(0, -1)) {
    node[k] ??= {};
    node = node[k] as Record<string, unknown>;
  }
  const last = keys[keys.length - 1];
  node[last] = isPlainObject(value) && isPlainObject(node[last]) ? mergeMappings(node[last], value) : value;
}

function mergeMappings(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(base)) setOwn(out, k, v);
  for (const [k, v] of Object.entries(over)) {
    const here = Object.hasOwn(out, k) ? out[k] : undefined;
    setOwn(out, k, isPlainObject(v) && isPlainObject(here) ? mergeMappings(here, v) : v);
  }
  return out;
}

/** Whether a parsed YAML mapping looks like Ansible variables rather than a profile layer. */
export function looksLikeAnsible(doc: Record<string, unknown>): boolean {
  return Object.keys(doc).some((k) => k.startsWith('dojot_'));
}
