import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Outcome, runSynth } from '../helpers/run-synth';
import { tempDir } from '../helpers/temp';

/** A malformed input, and the one line that must name what is wrong (field and what is allowed). */
type Case = readonly [what: string, content: string, message: RegExp];

const BOMB = [
  'a: &a [x, x, x, x, x, x, x, x, x]',
  ...'bcdefgh'.split('').map((c, i) => `${c}: &${c} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(', ')}]`),
].join('\n');

/** Profile files (camelCase layers and Ansible dojot.yaml files), each with one thing wrong. */
const BAD_PROFILES: readonly Case[] = [
  ['a misspelt top-level key', 'flavor: 100k\n', /flavor: unknown key 'flavor'; did you mean 'flavour'\?/],
  [
    'a Git URL with a token',
    "argocd: { repoURL: 'https://ci:ghp_secret@git.example.com/gitops.git' }\n",
    /argocd\.repoURL: must not carry credentials .*repository Secret/,
  ],
  [
    'a Git URL with a token as its user',
    "argocd: { repoURL: 'https://ghp_secret@git.example.com/gitops.git' }\n",
    /argocd\.repoURL: must not carry credentials/,
  ],
  [
    'an SSH URL with a password',
    "argocd: { repoURL: 'ssh://git:hunter2@git.example.com/gitops.git' }\n",
    /argocd\.repoURL: must not carry credentials/,
  ],
  [
    'a reset URL with credentials',
    "auth: { resetPasswordUrl: 'https://admin:admin@dojot.example/#/setPassword/' }\n",
    /auth\.resetPasswordUrl: must not carry credentials/,
  ],
  [
    'nesting deeper than any profile',
    `${'a: '.repeat(0)}${Array.from({ length: 70 }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n')} 1\n`,
    /\(file\): nests deeper than 64 levels/,
  ],
  [
    'flow nesting deep enough to overflow a parser',
    `x: ${'['.repeat(20000)}${']'.repeat(20000)}\n`,
    /\(file\): nests deeper than 64 levels/,
  ],
  ['a terminal escape in a value', 'namespace: "dojot\\e[2J\\e[31m"\n', /namespace: must be a DNS label .*got 'dojot\\x1b\[2J\\x1b\[31m'$/],
  [
    'a newline in a value, forging a line of output',
    'namespace: "x\\ndojot: vernemq flavour, preset default -> dist/"\n',
    /namespace: must be a DNS label .*got 'x\\ndojot: vernemq flavour/,
  ],
  ['a control character in a key', '"names\\apace": dojot\n', /names\\x07pace: unknown key/],
  ['a line separator in a value', 'domainName: "a\\u2028b"\n', /domainName: .*a\\u2028b/],
  ['a misspelt nested key', 'vernemq: { replica: 3 }\n', /vernemq\.replica: unknown key 'replica'; did you mean 'replicas'\?/],
  [
    'a snake_case key in a camelCase file',
    'vernemq: { insecure_mqtt: true }\n',
    /vernemq\.insecure_mqtt: unknown key 'insecure_mqtt'; did you mean 'insecureMqtt'\?/,
  ],
  ['an unknown key with nothing close', 'vernemq: { flux: 3 }\n', /vernemq\.flux: unknown key 'flux': not a setting of vernemq/],
  ['the key constructor', 'constructor: 1\n', /constructor: unknown key 'constructor'/],
  ['the key toString', 'toString: x\n', /toString: unknown key 'toString'/],
  ['the key __proto__', '__proto__: { polluted: true }\n', /__proto__: unknown key '__proto__'/],
  ['a nested constructor', 'vernemq: { constructor: 3 }\n', /vernemq\.constructor: unknown key 'constructor'/],
  ['a nested hasOwnProperty', 'nodePorts: { hasOwnProperty: 1 }\n', /nodePorts\.hasOwnProperty: unknown key/],
  ['a YAML alias bomb', `${BOMB}\n`, /\(aliases\): cannot be expanded \(Excessive alias count/],
  ['an alias that contains itself', 'vernemq: &v { replicas: 3, self: *v }\n', /vernemq\.self: contains itself through a YAML alias/],
  ['a YAML syntax error', 'vernemq: [1,\n', /line \d+: /],
  ['a duplicate key', 'namespace: a\nnamespace: b\n', /line 2: Map keys must be unique/],
  [
    'a volume of no size',
    'storageClassName: local-storage\npostgres: { persistence: { enabled: true, size: 0Gi } }\n',
    /postgres\.persistence\.size: must be from 1 byte to 64Ti/,
  ],
  [
    'a volume larger than any disk',
    "kafka: { persistence: { size: '100000000000000000000000000000000Ei' } }\n",
    /kafka\.persistence\.size: must be from 1 byte to 64Ti/,
  ],
  [
    'a host root that climbs out',
    "localVolumes: { hostRoot: '/mnt/../etc' }\n",
    /localVolumes\.hostRoot: must be an absolute directory path .*without \. or \.\./,
  ],
  [
    'a stats socket that climbs out',
    "loadBalancer: { statsSocket: '/run/haproxy/../../etc/passwd' }\n",
    /loadBalancer\.statsSocket: must be an absolute path without \. or \.\./,
  ],
  [
    'a PostgreSQL user in its reserved pg_ names',
    'postgres: { kong: { user: pg_kong } }\n',
    /postgres\.kong\.user: must not be a name PostgreSQL reserves for roles, got 'pg_kong'/,
  ],
  ['a PostgreSQL user named public', 'postgres: { authUser: public }\n', /postgres\.authUser: must not be a name PostgreSQL reserves/],
  [
    "a database that is the server's own",
    'postgres: { ejbca: { db: template1 } }\n',
    /postgres\.ejbca\.db: must not be one of the server's own databases \(postgres, template0, template1\)/,
  ],
  [
    'a duplicate key deep in a mapping',
    'vernemq:\n  replicas: 2\n  insecureMqtt: true\n  replicas: 3\n',
    /line 4: Map keys must be unique: replicas is given twice/,
  ],
  [
    'a duplicate key in a mapping of a list',
    'localVolumes: { hosts: { kafka: [a], kafka: [b] } }\n',
    /line 1: Map keys must be unique: kafka is given twice/,
  ],
  ['a list instead of a mapping', '- 1\n- 2\n', /\(top level\): must be a mapping of keys/],
  ['a scalar instead of a mapping', 'just text\n', /\(top level\): must be a mapping of keys/],
  ['a mapping where a number is expected', 'vernemq: { replicas: { n: 3 } }\n', /vernemq\.replicas: must be a number/],
  ['a string where a mapping is expected', 'vernemq: three\n', /vernemq: must be a mapping with keys/],
  [
    'an unknown workload in resources',
    'resources: { vernemq: { vernemq: { cpu: 1 } } }\n',
    /resources\.vernemq: unknown key 'vernemq': not a setting of resources .*; the workloads: auth, backstage, .*, vernemq-k8s, x509-identity-mgmt, zookeeper$/,
  ],
  [
    'an unknown container in resources',
    "resources: { auth: { redis2: { cpu: '1' } } }\n",
    /resources\.auth\.redis2: unknown key 'redis2'; did you mean 'redis'\?; its containers: auth, redis$/,
  ],
  [
    'a CPU that is not a quantity',
    "resources: { kong: { kong: { cpu: 'two' } } }\n",
    /resources\.kong\.kong\.cpu: must be a CPU quantity above 0 such as 250m or 2, got 'two'/,
  ],
  [
    'a memory request above its limit',
    'resources: { kong: { kong: { memory: 2Gi, memoryLimit: 1Gi } } }\n',
    /resources\.kong\.kong\.memoryLimit: must be at least the request \(2Gi\), got '1Gi'/,
  ],
  [
    'machines of a group without cores',
    'capacity: { machines: { dojot: { count: 2, memory: 4Gi } } }\n',
    /capacity\.machines\.dojot\.cores: must be above 0 when count is set, got 0/,
  ],
  ['an unknown onExcess', 'capacity: { onExcess: ignore }\n', /capacity\.onExcess: must be one of refuse, warn, got 'ignore'/],
  [
    'a repository that is not a Git URL',
    'argocd: { repoURL: my-repo }\n',
    /argocd\.repoURL: must be a Git URL \(https:\/\/\.\.\., ssh:\/\/\.\.\. or git@host:path\), got 'my-repo'/,
  ],
  [
    'a path out of the repository',
    "argocd: { repoURL: 'https://git.example.com/x.git', path: ../dist }\n",
    /argocd\.path: must be a path inside the repository/,
  ],
  [
    'requests beyond the machines',
    'preset: 100k\ncapacity: { machines: { kafka: { cores: 2 } } }\n',
    /capacity\.machines\.kafka: the requests exceed the machines: kafka: cpu 2\.15 of 1\.80 cores/,
  ],
  ['an empty namespace', "namespace: ''\n", /namespace: must be a DNS label/],
  ['a namespace with capitals', 'namespace: Bad_NS\n', /namespace: must be a DNS label/],
  ['the kube-system namespace', 'namespace: kube-system\n', /namespace: must not be a namespace of Kubernetes itself/],
  ['the kube-public namespace', 'namespace: kube-public\n', /namespace: must not be a namespace of Kubernetes itself/],
  ['a namespace of 64 characters', `namespace: ${'a'.repeat(64)}\n`, /namespace: must be at most 63 characters/],
  ['an empty version', "version: ''\n", /version: must be an image tag/],
  ['a version with a space', "version: 'v0.6.0 beta'\n", /version: must be an image tag/],
  ['the latest tag', 'version: latest\n', /version: must be a fixed tag, not 'latest'/],
  ['a broker version with punctuation', "vernemq: { version: 'bad!' }\n", /vernemq\.version: must be an image tag/],
  ['a bad MinIO tag', "minio: { version: 'two words' }\n", /minio\.version: must be an image tag/],
  ['a bad gui-v2 image', "guiV2: { image: 'Bad/Image' }\n", /guiV2\.image: must be an image name without a tag/],
  ['a gui-v2 image with a tag', "guiV2: { image: 'dojot/gui-v2:latest' }\n", /guiV2\.image: must be an image name without a tag/],
  ['an empty gui-v2 version', "guiV2: { version: '' }\n", /guiV2\.version: must be an image tag/],
  ['a bad service version', "versions: { gui: 'x y' }\n", /versions\.gui: must be an image tag/],
  [
    'SQL in a database user',
    `postgres: { kong: { user: 'kong"; DROP TABLE x; --' } }\n`,
    /postgres\.kong\.user: must be a database identifier/,
  ],
  ['a quote in a database name', `postgres: { kong: { db: "kong'db" } }\n`, /postgres\.kong\.db: must be a database identifier/],
  [
    'two services with one database user',
    'postgres: { authUser: kong }\n',
    /postgres\.authUser: must be unique: 'kong' is also the user of postgres\.kong\.user/,
  ],
  [
    'two services with one database',
    'postgres: { ejbca: { db: kong } }\n',
    /postgres\.ejbca\.db: must be unique: 'kong' is also the database of postgres\.kong\.db/,
  ],
  ['an empty default database', "postgres: { defaultDb: '' }\n", /postgres\.defaultDb: must be a database identifier/],
  ['a MongoDB user with a space', "mongodb: { superUser: 'a b' }\n", /mongodb\.superUser: must be a database identifier/],
  [
    'an even Zookeeper ensemble',
    'zookeeper: { clusterSize: 2 }\n',
    /zookeeper\.clusterSize: must be odd \(1, 3, 5, 7\): an ensemble of 2 needs 2 servers up, no better than 1/,
  ],
  [
    "three brokers on the guide's one Kafka machine",
    'preset: 100k\nkafka: { clusterSize: 3 }\nzookeeper: { clusterSize: 3 }\n',
    /capacity\.machines\.kafka: the requests exceed the machines: kafka: .*memory 7\.50 GiB of 5\.40 GiB/,
  ],
  ['zero brokers', 'vernemq: { replicas: 0 }\n', /vernemq\.replicas: must be a whole number of replicas from 1 to 1000, got 0/],
  ['a fraction of a broker', 'vernemq: { replicas: 2.5 }\n', /vernemq\.replicas: must be a whole number of replicas/],
  ['replicas as a word', 'vernemq: { replicas: three }\n', /vernemq\.replicas: must be a number, got 'three'/],
  [
    'a word for maxConnections',
    'vernemq: { maxConnections: lots }\n',
    /vernemq\.maxConnections: must be a whole number above 0 or 'infinity'/,
  ],
  [
    'the removed operatorVersion',
    "vernemq: { operatorVersion: '202001230903' }\n",
    /vernemq\.operatorVersion: was removed: the brokers are a plain StatefulSet/,
  ],
  [
    'a grace period too short for a broker to leave',
    'vernemq: { terminationGracePeriodSeconds: 10 }\n',
    /vernemq\.terminationGracePeriodSeconds: must be a whole number of seconds from 120/,
  ],
  ['a NodePort below the range', 'nodePorts: { mqtt: 29000 }\n', /nodePorts\.mqtt: must be an integer from 30000 to 32767, got 29000/],
  ['two NodePorts alike', 'nodePorts: { mqtt: 30005 }\n', /nodePorts\.mqtts: must be unique: 30005 is also nodePorts\.mqtt/],
  ['a word for a boolean', "nodePorts: { fixed: 'yes' }\n", /nodePorts\.fixed: must be a boolean/],
  [
    'a node label Kubernetes refuses',
    "placement: { nodeLabels: { kafka: 'bad label!' } }\n",
    /placement\.nodeLabels\.kafka: must be a Kubernetes label value/,
  ],
  [
    'a volume without a storage class',
    'zookeeper: { persistence: { enabled: true } }\n',
    /storageClassName: must be set when a persistence toggle is on/,
  ],
  ['a size that is not a quantity', 'kafka: { persistence: { size: 2 GB } }\n', /kafka\.persistence\.size: must be a Kubernetes quantity/],
  ['a relative host root', 'localVolumes: { hostRoot: mnt/data }\n', /localVolumes\.hostRoot: must be an absolute directory path/],
  [
    'mutual TLS without its certificate volume',
    'apigw: { mutualTls: true }\n',
    /apigw\.mutualTls: needs apigw\.persistence\.enabled: true/,
  ],
  ['kafka-ws TLS without its certificate volume', 'kafkaWs: { tls: true }\n', /kafkaWs\.tls: needs kafkaWs\.persistence\.enabled: true/],
  [
    'two x509 replicas without their volume',
    'x509IdentityMgmt: { replicas: 2 }\n',
    /x509IdentityMgmt\.replicas: more than 1 needs x509IdentityMgmt\.persistence\.enabled: true/,
  ],
  ['a host name as the Locust address', 'locustExporter: { ip: not-an-ip }\n', /locustExporter\.ip: must be an IPv4 or IPv6 address/],
  [
    'an IPv6 zone id as the Locust address',
    "locustExporter: { ip: 'fe80::1%eth0' }\n",
    /locustExporter\.ip: must be an IPv4 or IPv6 address \(no zone id\)/,
  ],
  ['a Locust port above 65535', 'locustExporter: { port: 70000 }\n', /locustExporter\.port: must be a port from 1 to 65535/],
  ['a domain with a space', "domainName: 'bad domain'\n", /domainName: must be a host name or address/],
  [
    'load-balancer nodes in a profile',
    "loadBalancer: { nodes: { mqtt: ['10.0.0.1'] } }\n",
    /loadBalancer\.nodes: comes from the inventory/,
  ],
  [
    'an IPv6 zone id as a source address',
    "loadBalancer: { sourceAddresses: ['fe80::1%eth0'] }\n",
    /loadBalancer\.sourceAddresses\[0\]: must be an IPv4 or IPv6 address \(no zone id\)/,
  ],
  ['no devices', 'loadBalancer: { expectedDevices: 0 }\n', /loadBalancer\.expectedDevices: must be a whole number from 1/],
  ['a route image without a tag', 'apigw: { routeConfigImage: curl }\n', /apigw\.routeConfigImage: must be an image with a fixed tag/],
  [
    'a mirror that is a Docker Hub namespace',
    'images: { registry: dojot }\n',
    /images\.registry: must be a registry host, with an optional :port/,
  ],
  ['a mirror with a scheme', "images: { registry: 'https://registry.local' }\n", /images\.registry: must be a registry host/],
  [
    'a digest that is a tag',
    "images: { digests: { 'dojot/auth:v0.6.0': latest } }\n",
    /images\.digests\.dojot\/auth:v0\.6\.0: must be a digest, sha256: and 64/,
  ],
  [
    'a digest keyed by an image without its tag',
    `images: { digests: { 'dojot/auth': 'sha256:${'a'.repeat(64)}' } }\n`,
    /images\.digests\.dojot\/auth: must be keyed by an image with its tag/,
  ],
  ['digests as a list', 'images: { digests: [a, b] }\n', /images\.digests: must be a mapping of image references to digests/],
  [
    'a digest for an image no workload runs',
    `images: { digests: { 'postgres:9.5': 'sha256:${'a'.repeat(64)}' } }\n`,
    /images\.digests\.postgres:9\.5: no workload of this profile runs postgres:9\.5; its images: .*dojot\/postgres:9\.5\.21-alpine/,
  ],
  ['a preset that does not exist', 'preset: 200k\n', /preset: must be one of default, 100k, got "200k"/],
  ['an empty preset', "preset: ''\n", /preset: must be one of default, 100k, got ""/],
  ['a cluster domain with an underscore', 'clusterDomain: Bad_Domain\n', /clusterDomain: must be a DNS domain/],
  ['a storage class with capitals', 'storageClassName: Local_Storage\n', /storageClassName: must be a StorageClass name/],
  ['a flavour that does not exist', 'flavour: vernemq2\n', /flavour: must be one of 100k, vernemq, mosca, lwm2m, got 'vernemq2'/],
  ['a password page that is not a URL', "auth: { resetPasswordUrl: 'set password' }\n", /auth\.resetPasswordUrl: must be an http\(s\) URL/],
  [
    'an InfluxDB retention that is not a duration',
    "influxdb: { retention: 'a week' }\n",
    /influxdb\.retention: must be a duration such as 7d/,
  ],
  // Ansible dojot.yaml files.
  [
    'a misspelt Ansible variable',
    'dojot_vernemq_replica: 3\n',
    /dojot_vernemq_replica: unknown key 'dojot_vernemq_replica'; did you mean 'dojot_vernemq_replicas'\?/,
  ],
  [
    'an unknown Ansible variable',
    'dojot_namespace: dojot\ndojot_flux_capacitor: 1\n',
    /dojot_flux_capacitor: unknown key 'dojot_flux_capacitor': not a setting of dojot v0\.6\.0/,
  ],
  ['an empty Ansible namespace', "dojot_namespace: ''\n", /dojot_namespace \(namespace\): must be a DNS label/],
  ['an empty Ansible version', "dojot_version: ''\n", /dojot_version \(version\): must be an image tag/],
  [
    'SQL in an Ansible database user',
    `dojot_psql_kong_user: "kong'; drop table users; --"\n`,
    /dojot_psql_kong_user \(postgres\.kong\.user\): must be a database identifier/,
  ],
  [
    'a Jinja expression',
    "dojot_domain_name: \"{{ lookup('env', 'DOMAIN') }}\"\n",
    /dojot_domain_name: Jinja expressions are not evaluated here/,
  ],
  ['a word for an Ansible boolean', "dojot_insecure_mqtt: 'maybe'\n", /dojot_insecure_mqtt \(vernemq\.insecureMqtt\): must be a boolean/],
  [
    'an Ansible NodePort out of range',
    'dojot_nodeports: { mqtt: 99999 }\n',
    /dojot_nodeports\.mqtt \(nodePorts\.mqtt\): must be an integer from 30000 to 32767/,
  ],
  [
    'the kube-system namespace in Ansible',
    'dojot_namespace: kube-system\n',
    /dojot_namespace \(namespace\): must not be a namespace of Kubernetes itself/,
  ],
  ['constructor in an Ansible file', 'dojot_namespace: dojot\nconstructor: x\n', /constructor: unknown key 'constructor'/],
  ['__proto__ in an Ansible file', 'dojot_namespace: dojot\n__proto__: { dojot_namespace: x }\n', /__proto__: unknown key '__proto__'/],
  [
    'a dojot v0.7 inventory',
    'dojot_namespace: dojot\ndojot_vernemq_nodenames: [verne-1]\n',
    /is an inventory of dojot v0\.7 or later \(it has dojot_vernemq_nodenames\); dojot-cdk8s deploys dojot v0\.6\.0/,
  ],
  [
    'a dojot v0.8 inventory',
    'dojot_namespace: dojot\ndojot_backend_version: v0.8.0\n',
    /is an inventory of dojot v0\.8 \(it has dojot_backend_version\)/,
  ],
  [
    'a dojot v0.4 inventory',
    'dojot_namespace: dojot\ndojot_ejbca_persistent_volumes: false\n',
    /is an inventory of dojot v0\.4 \(it has dojot_ejbca_persistent_volumes\)/,
  ],
];

const GROUPS = (mqtt: string) =>
  `all:\n  children:\n    mqtt_nodes:\n      hosts:\n${mqtt}    apigw_nodes:\n      hosts:\n        10.0.0.2:\n    metrics_nodes:\n      hosts:\n        10.0.0.2:\n`;

/** Inventories (hosts files, or directories as `path: content` lines), each with one thing wrong. */
const BAD_INVENTORIES: readonly (readonly [what: string, files: Record<string, string>, message: RegExp])[] = [
  ['a YAML error', { 'hosts.yaml': 'all:\n  children: [\n' }, /line \d+: /],
  [
    'an INI inventory',
    { hosts: '[mqtt_nodes]\n10.0.0.1\n10.0.0.2\n\n[apigw_nodes]\n10.0.0.3 ansible_user=root\n' },
    /looks like an INI inventory; convert it to YAML with `ansible-inventory -i <file> --list -y > hosts.yaml`/,
  ],
  [
    'groups whose aliases form a cycle',
    { 'hosts.yaml': 'all: &all\n  children:\n    mqtt_nodes: *all\n' },
    /contains itself through a YAML alias/,
  ],
  ['an alias bomb', { 'hosts.yaml': `${BOMB}\n` }, /\(aliases\): cannot be expanded/],
  ['a list of hosts', { 'hosts.yaml': '- 10.0.0.1\n' }, /\(top level\): must be an Ansible YAML inventory/],
  [
    "the example's placeholders",
    { 'hosts.yaml': GROUPS('        MQTT_HOST_ADDRESS:\n') },
    /mqtt_nodes\.MQTT_HOST_ADDRESS: 'MQTT_HOST_ADDRESS' is the example inventory's placeholder/,
  ],
  [
    'an address out of range',
    { 'hosts.yaml': GROUPS('        10.0.0.300:\n') },
    /mqtt_nodes\.10\.0\.0\.300: must be an IPv4 or IPv6 address \(no zone id\) or a DNS name/,
  ],
  [
    'an ansible_host out of range',
    { 'hosts.yaml': GROUPS('        verne-1: { ansible_host: 10.0.0.256 }\n') },
    /mqtt_nodes\.verne-1\.ansible_host: must be an IPv4 or IPv6 address/,
  ],
  [
    'one address twice',
    { 'hosts.yaml': GROUPS('        10.0.0.1:\n        v: { ansible_host: 10.0.0.1 }\n') },
    /mqtt_nodes\.v\.ansible_host: '10\.0\.0\.1' is listed twice/,
  ],
  [
    'an IPv6 zone id',
    { 'hosts.yaml': GROUPS("        v: { ansible_host: 'fe80::1%eth0' }\n") },
    /mqtt_nodes\.v\.ansible_host: must be an IPv4 or IPv6 address \(no zone id\)/,
  ],
  [
    'a host name with an underscore',
    { 'hosts.yaml': GROUPS('        verne_1:\n') },
    /mqtt_nodes\.verne_1: must be an IPv4 or IPv6 address \(no zone id\) or a DNS name/,
  ],
  [
    'no mqtt_nodes group',
    {
      'hosts.yaml':
        'all:\n  children:\n    apigw_nodes:\n      hosts:\n        10.0.0.2:\n    metrics_nodes:\n      hosts:\n        10.0.0.2:\n',
    },
    /mqtt_nodes: is missing or has no hosts: the load balancer's mqtt entry point/,
  ],
  [
    'an empty apigw_nodes group',
    {
      'hosts.yaml':
        'all:\n  children:\n    mqtt_nodes:\n      hosts:\n        10.0.0.1:\n    apigw_nodes:\n      hosts:\n    metrics_nodes:\n      hosts:\n        10.0.0.2:\n',
    },
    /apigw_nodes: is missing or has no hosts: the load balancer's apigw entry point/,
  ],
  [
    'no metrics_nodes group',
    {
      'hosts.yaml':
        'all:\n  children:\n    mqtt_nodes:\n      hosts:\n        10.0.0.1:\n    apigw_nodes:\n      hosts:\n        10.0.0.2:\n',
    },
    /metrics_nodes: is missing or has no hosts/,
  ],
  [
    'a group named constructor, and no metrics_nodes',
    {
      'hosts.yaml':
        'all:\n  children:\n    constructor:\n      hosts:\n        10.0.0.9:\n    mqtt_nodes:\n      hosts:\n        10.0.0.1:\n    apigw_nodes:\n      hosts:\n        10.0.0.2:\n',
    },
    /metrics_nodes: is missing or has no hosts/,
  ],
  [
    'a bad control-plane address',
    { 'hosts.yaml': `${GROUPS('        10.0.0.1:\n')}    control_plane_nodes:\n      hosts:\n        cp_1:\n` },
    /control_plane_nodes\.cp_1: must be an IPv4 or IPv6 address/,
  ],
  [
    'a dojot v0.7.1 hosts file',
    { 'hosts.yaml': `${GROUPS('        10.0.0.1:\n')}    http_agent_nodes:\n      hosts:\n        10.0.0.3:\n` },
    /is a hosts file of dojot v0\.7\.1 or later \(it has the group http_agent_nodes\)/,
  ],
  [
    'a directory without a hosts file',
    { 'group_vars/all/dojot.yaml': 'dojot_namespace: dojot\n' },
    /has no hosts file \(hosts\.yaml, hosts\.yml, hosts\)/,
  ],
  [
    'a dojot v0.4 directory',
    { 'hosts.yaml': GROUPS('        10.0.0.1:\n'), 'group_vars/dojot-k8s/dojot.yaml': 'dojot_namespace: dojot\n' },
    /group_vars\/dojot-k8s: is where dojot v0\.4\.0 to v0\.4\.3 kept their variables/,
  ],
  [
    'a dojot v0.7 directory',
    {
      'hosts.yaml': GROUPS('        10.0.0.1:\n'),
      'group_vars/all/dojot.yaml': 'dojot_namespace: dojot\n',
      'group_vars/all/labels.yaml': 'dojot_vernemq_nodenames: [a]\n',
    },
    /is an inventory of dojot v0\.7 or later \(it has dojot_vernemq_nodenames\)/,
  ],
  [
    'an unknown variable in group_vars',
    { 'hosts.yaml': GROUPS('        10.0.0.1:\n'), 'group_vars/all/dojot.yaml': 'dojot_vernemq_replica: 3\n' },
    /dojot\.yaml: dojot_vernemq_replica: unknown key 'dojot_vernemq_replica'; did you mean 'dojot_vernemq_replicas'\?/,
  ],
  [
    'a list as a group_vars file',
    { 'hosts.yaml': GROUPS('        10.0.0.1:\n'), 'group_vars/all/extra.yaml': '- a\n- b\n' },
    /extra\.yaml: \(top level\): must be a mapping of Ansible variables/,
  ],
  [
    'an unknown optional service',
    {
      'hosts.yaml': GROUPS('        10.0.0.1:\n'),
      'group_vars/all/services.yaml': 'optional: { influxdb: false, flux_capacitor: true }\n',
    },
    /services\.yaml: optional\.flux_capacitor \(optional\.fluxCapacitor\): unknown key 'fluxCapacitor'/,
  ],
  [
    'a bad value in group_vars',
    { 'hosts.yaml': GROUPS('        10.0.0.1:\n'), 'group_vars/all/dojot.yaml': 'dojot_vernemq_replicas: 0\n' },
    /dojot\.yaml: dojot_vernemq_replicas \(vernemq\.replicas\): must be a whole number of replicas/,
  ],
];

function writeFiles(files: Record<string, string>): string {
  const dir = tempDir('dojot-input-');
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

function expectRefused(o: Outcome, message: RegExp): void {
  expect(o.status).toBe(1);
  const errors = o.lines.filter((l) => l.startsWith('error: '));
  expect(errors, o.lines.join('\n')).toHaveLength(1);
  expect(errors[0], o.lines.join('\n')).toMatch(message);
  expect(o.lines.join('\n')).not.toMatch(/^\s+at /m);
  // No raw control character reaches the terminal, and no value forges a line of its own.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding the control characters is the point
  expect(o.lines.join('\n')).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/);
  expect(o.lines.at(-1)).toMatch(/ was left as it was\.$/);
  expect(o.distAfter).toEqual(o.distBefore);
}

describe('malformed profiles are refused in one line, dist/ untouched', () => {
  it('has a corpus of 60 or more', () => expect(BAD_PROFILES.length).toBeGreaterThanOrEqual(60));

  it.each(BAD_PROFILES)('%s', (_, content, message) => {
    const file = path.join(writeFiles({ 'profile.yaml': content }), 'profile.yaml');
    expectRefused(runSynth(['--profile', file]), message);
  });
});

describe('malformed inventories are refused in one line, dist/ untouched', () => {
  it('has a corpus of 20 or more', () => expect(BAD_INVENTORIES.length).toBeGreaterThanOrEqual(20));

  it.each(BAD_INVENTORIES)('%s', (_, files, message) => {
    const dir = writeFiles(files);
    const hosts = Object.keys(files).length === 1 && !Object.keys(files)[0].includes('/') ? path.join(dir, Object.keys(files)[0]) : dir;
    expectRefused(runSynth(['--profile', '100k', '--inventory', hosts]), message);
  });
});

describe('bad arguments', () => {
  it.each([
    [['--bogus'], /unknown option '--bogus'/],
    [['--profile'], /--profile needs a value/],
    [['--profile', '--inventory', 'x'], /--profile needs a value/],
  ])('%j is a usage error (exit 2)', (argv, message) => {
    const o = runSynth(argv as string[]);
    expect(o.status).toBe(2);
    expect(o.lines[0]).toMatch(message);
    expect(o.lines).toContain('usage: npm run synth -- [options]');
    expect(o.distAfter).toEqual(o.distBefore);
  });

  it.each([
    [['--profile', '200k'], /error: --profile: '200k' is neither a preset \(default, 100k\) nor a file/],
    [['--inventory', '/nonexistent'], /error: --inventory: '\/nonexistent' is neither an inventory directory nor a hosts file/],
    [['--flavour', 'vernemq2'], /error: --flavour: must be one of 100k, vernemq, mosca, lwm2m, got 'vernemq2'/],
  ])('%j names the flag', (argv, message) => expectRefused(runSynth(argv as string[]), message));
});
