import { isIP, isIPv4 } from 'node:net';
import { unusableAddress } from './addresses';
import { LDH_RULE, dnsNameProblem } from './dns-name';
import { parseQuantity } from './quantity';
import { validateLoadBalancer } from './load-balancer';
import { listenerProblems } from './ports';
import { validateCapacity } from './validate-capacity';
import type { Problem } from './problems';
import { VERSIONED_FIELDS } from './defaults';
import { FLAVOURS, NODE_GROUPS, type Persistence, type Profile } from './types';

const NODE_PORT_MIN = 30000;
const NODE_PORT_MAX = 32767;
export const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL_VALUE = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const IMAGE_TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const IMAGE_REF = /^[a-z0-9]+([._/-][a-z0-9]+)*(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}|@sha256:[a-f0-9]{64})$/;
const QUANTITY = /^([0-9]+(\.[0-9]+)?)(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)?$/;
/** A registry host (a dot or a port tells it from a Docker Hub namespace, or localhost), then an optional path. */
const REGISTRY =
  /^(localhost(:[0-9]{1,5})?|[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+(:[0-9]{1,5})?|[a-z0-9]([a-z0-9-]*[a-z0-9])?(:[0-9]{1,5}))(\/[a-z0-9]+([._-][a-z0-9]+)*)*$/;
const IMAGE_WITH_TAG = /^[a-z0-9]+([._/-][a-z0-9]+)*:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const DIGEST = /^sha256:[a-f0-9]{64}$/;
const IMAGE_NAME = /^[a-z0-9]+([._-][a-z0-9]+)*(\/[a-z0-9]+([._-][a-z0-9]+)*)*$/;
/** The largest local volume: a disk's size, not a typo's (64Ti). */
const MAX_VOLUME_BYTES = 64 * 1024 ** 4;
/** Role names PostgreSQL refuses (CREATE ROLE: PUBLIC, NONE, and the role specifications of its grammar). */
const RESERVED_ROLES = ['public', 'none', 'current_user', 'session_user', 'current_role'];
/** The databases a PostgreSQL server has of its own. */
const SERVER_DATABASES = ['postgres', 'template0', 'template1'];
/** A path with no `.` or `..` component (the host's kernel resolves those before any check of ours). */
export const plainPath = (path: string) => !path.split('/').some((part) => part === '.' || part === '..');

/** PostgreSQL and MongoDB names the init scripts create: a safe subset, quoted in SQL anyway. */
const DB_IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Whether a URL carries credentials in its authority (RFC 3986, 3.2.1 `userinfo`): any user in an
 * http(s) URL (a token is often given as the user), a password in any. `ssh://git@host/...` and
 * `git@host:path` name the SSH user only, which is no secret.
 */
function withCredentials(url: string): boolean {
  const authority = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(url)?.[1];
  if (authority === undefined || !authority.includes('@')) return false;
  const userinfo = authority.slice(0, authority.lastIndexOf('@'));
  return /^https?:/i.test(url) || userinfo.includes(':');
}

/** Namespaces Kubernetes itself runs in: deploying there, and owning their Namespace object, is refused. */
export const SYSTEM_NAMESPACES = ['kube-system', 'kube-public', 'kube-node-lease'];

/** Every NodePort of the profile, by dotted path. */
export function nodePortsByPath(p: Profile): [string, number][] {
  const n = p.nodePorts;
  return [
    ['nodePorts.apigw.http', n.apigw.http],
    ['nodePorts.apigw.https', n.apigw.https],
    ['nodePorts.metrics', n.metrics],
    ['nodePorts.mqtt', n.mqtt],
    ['nodePorts.mqtts', n.mqtts],
    ['nodePorts.lwm2m.coap', n.lwm2m.coap],
    ['nodePorts.lwm2m.coaps', n.lwm2m.coaps],
    ['nodePorts.lwm2m.fileServer', n.lwm2m.fileServer],
    ['nodePorts.lwm2m.fileServers', n.lwm2m.fileServers],
    ['nodePorts.lwm2m.http', n.lwm2m.http],
  ];
}

/** Every persistence toggle of the profile, by the path of its component. */
export function persistenceByPath(p: Profile): [string, Persistence][] {
  return [
    ['zookeeper', p.zookeeper.persistence],
    ['postgres', p.postgres.persistence],
    ['mongodb', p.mongodb.persistence],
    ['kafka', p.kafka.persistence],
    ['vernemq', p.vernemq.persistence],
    ['apigw', p.apigw.persistence],
    ['kafkaWs', p.kafkaWs.persistence],
    ['x509IdentityMgmt', p.x509IdentityMgmt.persistence],
    ['minio', p.minio.persistence],
    ['influxdb', p.influxdb.persistence],
  ];
}

/** Checks the merged profile's values; the merge has already checked keys and types. */
export function validateProfile(p: Profile): Problem[] {
  const problems: Problem[] = [];
  const fail = (path: string, message: string) => problems.push({ path, message });
  const integerIn = (path: string, v: number, min: number, max: number, what = 'an integer') => {
    if (!Number.isInteger(v) || v < min || v > max) fail(path, `must be ${what} from ${min} to ${max}, got ${v}`);
  };
  const matches = (path: string, v: string, re: RegExp, what: string) => {
    if (!re.test(v)) fail(path, `must be ${what}, got '${v}'`);
  };
  /** A host devices or servers reach: an IPv4 address a server can use, or a DNS name within DNS's limits. */
  const host = (path: string, v: string) => {
    const unusable = isIPv4(v) ? unusableAddress(v) : undefined;
    const why = isIPv4(v) ? undefined : dnsNameProblem(v);
    if (unusable) fail(path, `must be an address a server can use (not unspecified, broadcast or multicast): '${v}' is ${unusable}`);
    else if (why) fail(path, `must be a host name or address, got '${v}'${why === LDH_RULE ? '' : `: ${why}`}`);
  };
  /** A DNS label (RFC 1123 2.1: at most 63 characters), such as a namespace's name. */
  const dnsLabel = (path: string, v: string) => {
    if (v.length > 63) fail(path, `must be at most 63 characters (a DNS label), got '${v}'`);
    else matches(path, v, DNS_LABEL, 'a DNS label (lower-case letters, digits and -)');
  };

  if (!(FLAVOURS as readonly string[]).includes(p.flavour)) fail('flavour', `must be one of ${FLAVOURS.join(', ')}, got '${p.flavour}'`);
  if (p.namespace.length > 63) fail('namespace', 'must be at most 63 characters');
  matches('namespace', p.namespace, DNS_LABEL, 'a DNS label (lower-case letters, digits and -)');
  if (SYSTEM_NAMESPACES.includes(p.namespace))
    fail('namespace', `must not be a namespace of Kubernetes itself (${SYSTEM_NAMESPACES.join(', ')}); dojot gets its own, such as dojot`);
  // flowbroker v0.6.0 creates its flow nodes in `dojot`, whatever its own namespace (kubernetesRemoteNode/index.js).
  const namespaceOk = !problems.some((x) => x.path === 'namespace');
  if (namespaceOk && p.flavour !== '100k' && p.namespace !== 'dojot') {
    fail(
      'namespace',
      `must be dojot for the ${p.flavour} flavour: flowbroker (v0.6.0) creates its flow nodes in the namespace dojot, whatever its own`,
    );
  }
  matches('version', p.version, IMAGE_TAG, 'an image tag');
  host('domainName', p.domainName);

  // NodePorts: inside the cluster's default range, and no two alike (the load balancer needs each).
  const seen = new Map<number, string>();
  for (const [path, port] of nodePortsByPath(p)) {
    integerIn(path, port, NODE_PORT_MIN, NODE_PORT_MAX);
    const other = seen.get(port);
    if (other) fail(path, `must be unique: ${port} is also ${other}`);
    else seen.set(port, path);
  }

  // Two groups with one label are one group to the scheduler, and prepare-local-volumes.sh
  // (charts/storage/host-directories.ts) has one case per label: one group's directories are lost.
  const groupOfLabel = new Map<string, string>();
  for (const group of NODE_GROUPS) {
    const path = `placement.nodeLabels.${group}`;
    const v = p.placement.nodeLabels[group];
    if (v.length > 63) fail(path, 'must be at most 63 characters (a Kubernetes label value)');
    matches(path, v, LABEL_VALUE, 'a Kubernetes label value (letters, digits, - _ . ; starting and ending alphanumeric)');
    const other = groupOfLabel.get(v);
    if (other)
      fail(
        path,
        `must be unique: '${v}' is also placement.nodeLabels.${other}, and one label makes the ${other} and ${group} groups one (prepare-local-volumes.sh would create the directories of only one)`,
      );
    else groupOfLabel.set(v, group);
  }

  const replicas: [string, number][] = [
    ['vernemq.replicas', p.vernemq.replicas],
    ['bridges.replicas', p.bridges.replicas],
    ['x509IdentityMgmt.replicas', p.x509IdentityMgmt.replicas],
    ['zookeeper.clusterSize', p.zookeeper.clusterSize],
    ['kafka.clusterSize', p.kafka.clusterSize],
    ['minio.clusterSize', p.minio.clusterSize],
  ];
  for (const [path, n] of replicas) integerIn(path, n, 1, 1000, 'a whole number of replicas');

  // The brokers' limits (VerneMQ 1.10's schema and the Erlang VM's ranges).
  integerIn('vernemq.maxOnlineMessages', p.vernemq.maxOnlineMessages, 1, 10_000_000, 'a whole number of messages');
  integerIn('vernemq.maxOfflineMessages', p.vernemq.maxOfflineMessages, 1, 10_000_000, 'a whole number of messages');
  integerIn('vernemq.maxInflightMessages', p.vernemq.maxInflightMessages, 1, 65535, 'a whole number of messages');
  integerIn('vernemq.processLimit', p.vernemq.processLimit, 1024, 134217727, 'a whole number of processes');
  integerIn('vernemq.maxPorts', p.vernemq.maxPorts, 1024, 134217727, 'a whole number of ports');
  integerIn('vernemq.terminationGracePeriodSeconds', p.vernemq.terminationGracePeriodSeconds, 120, 86400, 'a whole number of seconds');
  matches('clusterDomain', p.clusterDomain, DNS_SUBDOMAIN, 'a DNS domain such as cluster.local');
  const clusterDomainWhy = DNS_SUBDOMAIN.test(p.clusterDomain) ? dnsNameProblem(p.clusterDomain) : undefined;
  if (clusterDomainWhy) fail('clusterDomain', `must be a DNS domain such as cluster.local, got '${p.clusterDomain}': ${clusterDomainWhy}`);

  const ports: [string, number][] = [
    ['zookeeper.clientPort', p.zookeeper.clientPort],
    ['zookeeper.serverPort', p.zookeeper.serverPort],
    ['zookeeper.electionPort', p.zookeeper.electionPort],
    ['postgres.port', p.postgres.port],
    ['mongodb.port', p.mongodb.port],
    ['kafka.port', p.kafka.port],
    ['apigw.httpPort', p.apigw.httpPort],
    ['apigw.httpsPort', p.apigw.httpsPort],
    ['apigw.adminPort', p.apigw.adminPort],
    ['kafkaWs.port', p.kafkaWs.port],
    ['kafkaWs.redisPort', p.kafkaWs.redisPort],
    ['minio.port', p.minio.port],
    ['influxdb.port', p.influxdb.port],
    ['locustExporter.port', p.locustExporter.port],
  ];
  for (const [path, port] of ports) integerIn(path, port, 1, 65535, 'a port');
  problems.push(...listenerProblems(p));

  const tags: [string, string][] = [
    ['postgres.version', p.postgres.version],
    ['mongodb.version', p.mongodb.version],
    ['vernemq.version', p.vernemq.version],
    ['bridges.v2kVersion', p.bridges.v2kVersion],
    ['bridges.k2vVersion', p.bridges.k2vVersion],
    ['bridges.loopbackVersion', p.bridges.loopbackVersion],
    ['apigw.version', p.apigw.version],
    ['auth.version', p.auth.version],
    ['dataBroker.version', p.dataBroker.version],
    ['kafkaWs.version', p.kafkaWs.version],
    ['x509IdentityMgmt.version', p.x509IdentityMgmt.version],
    ['minio.version', p.minio.version],
    ['influxdb.version', p.influxdb.version],
    ['guiV2.version', p.guiV2.version],
    ...Object.entries(p.versions).map(([k, v]): [string, string] => [`versions.${k}`, v]),
  ];
  if (p.version === 'latest') fail('version', "must be a fixed tag, not 'latest'");
  // A field that follows the platform version is checked once, as `version`.
  const versioned = new Set<string>(VERSIONED_FIELDS);
  for (const [path, tag] of tags) {
    if (versioned.has(path) && tag === p.version) continue;
    matches(path, tag, IMAGE_TAG, 'an image tag (letters, digits, _ . -)');
    if (tag === 'latest') fail(path, "must be a fixed tag, not 'latest'");
  }
  matches('guiV2.image', p.guiV2.image, IMAGE_NAME, 'an image name without a tag, such as dojot/gui-v2');
  if (p.images.registry !== '')
    matches(
      'images.registry',
      p.images.registry,
      REGISTRY,
      'a registry host, with an optional :port and path (registry.local:5000/mirror)',
    );
  for (const [image, digest] of Object.entries(p.images.digests)) {
    if (!IMAGE_WITH_TAG.test(image))
      fail(`images.digests.${image}`, 'must be keyed by an image with its tag, as the output names it (postgres:9.5)');
    matches(`images.digests.${image}`, digest, DIGEST, 'a digest, sha256: and 64 lower-case hexadecimal digits');
  }
  matches('apigw.routeConfigImage', p.apigw.routeConfigImage, IMAGE_REF, 'an image with a fixed tag or digest (name:tag)');
  if (/:latest$/.test(p.apigw.routeConfigImage)) fail('apigw.routeConfigImage', "must be a fixed tag, not 'latest'");

  const anyVolume = persistenceByPath(p).find(([, v]) => v.enabled);
  for (const [component, volume] of persistenceByPath(p)) {
    const path = `${component}.persistence.size`;
    if (!QUANTITY.test(volume.size)) fail(path, `must be a Kubernetes quantity such as 2Gi or 5Mi, got '${volume.size}'`);
    else if (parseQuantity(volume.size) < 1 || parseQuantity(volume.size) > MAX_VOLUME_BYTES)
      fail(path, `must be from 1 byte to 64Ti (a local disk's size), got '${volume.size}'`);
  }
  if (p.storageClassName !== undefined) {
    matches('storageClassName', p.storageClassName, DNS_SUBDOMAIN, 'a StorageClass name (lower-case DNS subdomain)');
  } else if (anyVolume) {
    fail(
      'storageClassName',
      `must be set when a persistence toggle is on (${anyVolume[0]}.persistence.enabled is true); the guide uses 'local-storage'`,
    );
  }

  for (const group of NODE_GROUPS) {
    const names = p.localVolumes.hosts[group];
    names.forEach((name, i) => {
      if (name.length > 253 || !DNS_SUBDOMAIN.test(name))
        fail(`localVolumes.hosts.${group}[${i}]`, `must be a node name (a DNS name: lower-case letters, digits, - and .), got '${name}'`);
      else if (names.indexOf(name) !== i) fail(`localVolumes.hosts.${group}[${i}]`, `names ${name} twice`);
    });
    const count = p.capacity.machines[group].count;
    if (names.length && count && names.length !== count)
      fail(`localVolumes.hosts.${group}`, `names ${names.length} machines, and capacity.machines.${group}.count says ${count}`);
  }
  if (!/^\/[A-Za-z0-9._/-]*[A-Za-z0-9._-]$/.test(p.localVolumes.hostRoot) || !plainPath(p.localVolumes.hostRoot)) {
    fail(
      'localVolumes.hostRoot',
      `must be an absolute directory path without a trailing / and without . or .. in it, got '${p.localVolumes.hostRoot}'`,
    );
  }

  // Settings the original documents as needing a volume.
  if (p.apigw.mutualTls && !p.apigw.persistence.enabled) {
    fail('apigw.mutualTls', 'needs apigw.persistence.enabled: true (the certificates live on that volume)');
  }
  if (p.kafkaWs.tls && !p.kafkaWs.persistence.enabled) {
    fail('kafkaWs.tls', 'needs kafkaWs.persistence.enabled: true (the certificates live on that volume)');
  }
  if (p.x509IdentityMgmt.replicas > 1 && !p.x509IdentityMgmt.persistence.enabled) {
    fail('x509IdentityMgmt.replicas', 'more than 1 needs x509IdentityMgmt.persistence.enabled: true (the replicas share EJBCA state)');
  }
  problems.push(...databaseProblems(p));
  dnsLabel('metrics.namespace', p.metrics.namespace);
  matches('metrics.release', p.metrics.release, LABEL_VALUE, 'a Kubernetes label value (a Helm release name)');
  matches(
    'metrics.dashboardLabel',
    p.metrics.dashboardLabel,
    /^([a-z0-9]([-a-z0-9.]*[a-z0-9])?\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/,
    'a Kubernetes label name',
  );
  if (!['helm-values', 'prometheus-rule'].includes(p.metrics.rulesAs))
    fail('metrics.rulesAs', `must be one of helm-values, prometheus-rule, got '${p.metrics.rulesAs}'`);
  matches('metrics.scrapeInterval', p.metrics.scrapeInterval, /^[1-9]\d*(ms|s|m|h)$/, 'a Prometheus duration such as 30s or 1m');
  // Derived from domainName unless set: then checked once, as domainName.
  const derivedUrl = p.auth.resetPasswordUrl === `http://${p.domainName}/#/setPassword/`;
  if (!derivedUrl && !/^https?:\/\/[^\s'"]+$/.test(p.auth.resetPasswordUrl))
    fail('auth.resetPasswordUrl', `must be an http(s) URL without spaces or quotes, got '${p.auth.resetPasswordUrl}'`);
  else if (withCredentials(p.auth.resetPasswordUrl))
    fail('auth.resetPasswordUrl', 'must not carry credentials (user:password@): it is written to dist/');
  for (const [path, v] of [
    ['influxdb.organizationName', p.influxdb.organizationName],
    ['influxdb.bucket', p.influxdb.bucket],
  ] as const) {
    matches(path, v, /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'a name of letters, digits, _ . - (at most 64)');
  }
  for (const [path, v] of [
    ['influxdb.storerLogLevel', p.influxdb.storerLogLevel],
    ['influxdb.retrieverLogLevel', p.influxdb.retrieverLogLevel],
  ] as const) {
    if (!['debug', 'info', 'warn', 'error'].includes(v)) fail(path, `must be one of debug, info, warn, error, got '${v}'`);
  }
  if (p.iotagentLwm2m.fileServerAddress !== p.domainName) host('iotagentLwm2m.fileServerAddress', p.iotagentLwm2m.fileServerAddress);
  integerIn('iotagentLwm2m.fileServerHttpPort', p.iotagentLwm2m.fileServerHttpPort, 1, 65535, 'a port');
  integerIn('iotagentLwm2m.fileServerHttpsPort', p.iotagentLwm2m.fileServerHttpsPort, 1, 65535, 'a port');
  if (p.minio.clusterSize > 1)
    fail(
      'minio.clusterSize',
      "must be 1: MinIO's distributed mode (one volume per server, every server named in every server's arguments) is not built; the original's replicas would each have run a separate, empty store",
    );
  matches('influxdb.retention', p.influxdb.retention, /^\d+(ns|us|ms|s|m|h|d|w)$/, 'a duration such as 7d or 72h');
  if (!isIP(p.locustExporter.ip) || p.locustExporter.ip.includes('%'))
    fail('locustExporter.ip', `must be an IPv4 or IPv6 address (no zone id), got '${p.locustExporter.ip}'`);

  // An ensemble of two or four survives no more failures than one of one or three, and splits worse.
  if (Number.isInteger(p.zookeeper.clusterSize) && p.zookeeper.clusterSize % 2 === 0) {
    fail(
      'zookeeper.clusterSize',
      `must be odd (1, 3, 5, 7): an ensemble of ${p.zookeeper.clusterSize} needs ${p.zookeeper.clusterSize / 2 + 1} servers up, no better than ${p.zookeeper.clusterSize - 1}`,
    );
  }
  problems.push(...validateCapacity(p));
  const a = p.argocd;
  if (a.repoURL && !/^(https?:\/\/|ssh:\/\/|git@)[^\s]+$/.test(a.repoURL))
    fail('argocd.repoURL', `must be a Git URL (https://..., ssh://... or git@host:path), got '${a.repoURL}'`);
  else if (withCredentials(a.repoURL))
    fail(
      'argocd.repoURL',
      "must not carry credentials (it is written to dist/): give the URL without them, and the token to Argo CD in a repository Secret (label argocd.argoproj.io/secret-type: repository, README's GitOps section)",
    );
  if (!a.targetRevision.trim() || /\s/.test(a.targetRevision))
    fail('argocd.targetRevision', `must be a branch, tag or commit, got '${a.targetRevision}'`);
  if (a.path.startsWith('/') || a.path.split('/').includes('..'))
    fail('argocd.path', `must be a path inside the repository (no leading / and no ..), got '${a.path}'`);
  matches('argocd.name', a.name, DNS_SUBDOMAIN, 'a DNS name (lower-case letters, digits, - and .)');
  dnsLabel('argocd.namespace', a.namespace);
  matches('argocd.project', a.project, DNS_SUBDOMAIN, 'a DNS name (lower-case letters, digits, - and .)');
  if (!/^https:\/\/[^\s]+$/.test(a.destinationServer))
    fail('argocd.destinationServer', `must be the cluster's API URL (https://...), got '${a.destinationServer}'`);
  // The load balancer's address follows domainName unless set: checked once, as domainName.
  problems.push(
    ...validateLoadBalancer(p.loadBalancer).filter((x) => !(x.path === 'loadBalancer.address' && p.loadBalancer.address === p.domainName)),
  );
  return problems;
}

/** PostgreSQL's and MongoDB's users and databases: safe identifiers, and no two services sharing one. */
function databaseProblems(p: Profile): Problem[] {
  const pg = p.postgres;
  const problems: Problem[] = [];
  const users: [string, string][] = [
    ['postgres.superUser', pg.superUser],
    ['postgres.kong.user', pg.kong.user],
    ['postgres.ejbca.user', pg.ejbca.user],
    ['postgres.authUser', pg.authUser],
    ['postgres.devmUser', pg.devmUser],
  ];
  // auth's and device-manager's users own a database of their own name.
  const databases: [string, string][] = [
    ['postgres.defaultDb', pg.defaultDb],
    ['postgres.kong.db', pg.kong.db],
    ['postgres.ejbca.db', pg.ejbca.db],
    ['postgres.authUser', pg.authUser],
    ['postgres.devmUser', pg.devmUser],
  ];
  for (const [path, name] of [
    ...users,
    ['postgres.kong.db', pg.kong.db],
    ['postgres.ejbca.db', pg.ejbca.db],
    ['postgres.defaultDb', pg.defaultDb],
    ['mongodb.superUser', p.mongodb.superUser],
  ] as [string, string][]) {
    if (!DB_IDENTIFIER.test(name))
      problems.push({
        path,
        message: `must be a database identifier (lower-case letters, digits and _, starting with a letter or _, at most 63), got '${name}'`,
      });
  }
  // PostgreSQL refuses these at CREATE ROLE / CREATE DATABASE, and the init script would stop at
  // the first start: "Role names beginning with pg_ are reserved" (docs, Database Roles), PUBLIC and
  // NONE and the CURRENT_USER forms are reserved role names, and the server has its own postgres,
  // template0 and template1 databases (docs, Template Databases).
  for (const [path, name] of users.filter(([path]) => path !== 'postgres.superUser')) {
    if (name.startsWith('pg_') || RESERVED_ROLES.includes(name))
      problems.push({ path, message: `must not be a name PostgreSQL reserves for roles, got '${name}'` });
  }
  if (pg.superUser.startsWith('pg_') || RESERVED_ROLES.includes(pg.superUser))
    problems.push({ path: 'postgres.superUser', message: `must not be a name PostgreSQL reserves for roles, got '${pg.superUser}'` });
  for (const [path, name] of databases.filter(([path]) => path !== 'postgres.defaultDb')) {
    if (SERVER_DATABASES.includes(name))
      problems.push({
        path,
        message: `must not be one of the server's own databases (${SERVER_DATABASES.join(', ')}): the init script creates it, got '${name}'`,
      });
  }
  for (const [list, what] of [
    [users, 'user'],
    [databases, 'database'],
  ] as const) {
    const seen = new Map<string, string>();
    for (const [path, name] of list) {
      const other = seen.get(name);
      if (other && other !== path && !problems.some((x) => x.path === path))
        problems.push({ path, message: `must be unique: '${name}' is also the ${what} of ${other} (PostgreSQL would fail on first boot)` });
      else seen.set(name, path);
    }
  }
  return problems;
}
