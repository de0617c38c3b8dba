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
  // Bounds that hold whatever the machines: DNS's limits, addresses a server can use, ports used once.
  [
    'a domain of 254 characters',
    `domainName: ${[63, 63, 63, 62].map((n) => 'a'.repeat(n)).join('.')}\n`,
    /domainName: must be a host name or address, got 'a{63}\..*': a DNS name is at most 253 characters \(RFC 1035 2\.3\.4\), this has 254$/,
  ],
  [
    'a domain label of 64 characters',
    `domainName: ${'a'.repeat(64)}.example\n`,
    /domainName: must be a host name or address, got 'a{64}\.example': a DNS label is at most 63 characters \(RFC 1035 2\.3\.4, RFC 1123 2\.1\), 'a{12}\.\.\.' has 64$/,
  ],
  [
    'a domain that is an IPv4 address in hexadecimal',
    "domainName: '0x0a.0.0.1'\n",
    /domainName: must be a host name or address, got '0x0a\.0\.0\.1': it looks like a malformed IPv4 address \(a DNS name never ends in an all-numeric label, RFC 3696 section 2/,
  ],
  [
    'a domain that is an IPv4 address of two parts',
    "domainName: '10.1'\n",
    /domainName: .*got '10\.1': it looks like a malformed IPv4 address/,
  ],
  [
    'a domain that is an IPv4 address in octal',
    "domainName: '010.0.0.1'\n",
    /domainName: .*got '010\.0\.0\.1': it looks like a malformed IPv4/,
  ],
  [
    'a domain that is an IPv4 address out of range',
    "domainName: '10.0.0.256'\n",
    /domainName: .*got '10\.0\.0\.256': it looks like a malformed/,
  ],
  ['a domain whose top-level label is 0x', "domainName: 'dojot.0x'\n", /domainName: .*got 'dojot\.0x': it looks like a malformed IPv4/],
  ['a domain with an empty label', "domainName: 'dojot..example'\n", /domainName: must be a host name or address, got 'dojot\.\.example'$/],
  [
    'a domain label ending in a hyphen',
    "domainName: 'dojot-.example'\n",
    /domainName: must be a host name or address, got 'dojot-\.example'$/,
  ],
  [
    'the unspecified address as the domain',
    "domainName: '0.0.0.0'\n",
    /domainName: must be an address a server can use \(not unspecified, broadcast or multicast\): '0\.0\.0\.0' is the unspecified address/,
  ],
  [
    'a multicast address as the domain',
    "domainName: '239.1.2.3'\n",
    /domainName: must be an address a server can use .*'239\.1\.2\.3' is a multicast/,
  ],
  [
    'a file-server address of three parts',
    "iotagentLwm2m: { fileServerAddress: '192.168.1' }\n",
    /iotagentLwm2m\.fileServerAddress: must be a host name or address, got '192\.168\.1': it looks like a malformed IPv4 address/,
  ],
  [
    'a cluster domain with a label of 64 characters',
    `clusterDomain: ${'c'.repeat(64)}.local\n`,
    /clusterDomain: must be a DNS domain such as cluster\.local, got 'c{64}\.local': a DNS label is at most 63 characters/,
  ],
  [
    'an all-numeric cluster domain',
    "clusterDomain: '10.1'\n",
    /clusterDomain: must be a DNS domain .*got '10\.1': it looks like a malformed IPv4/,
  ],
  [
    'a metrics namespace of 64 characters',
    `metrics: { namespace: ${'m'.repeat(64)} }\n`,
    /metrics\.namespace: must be at most 63 characters \(a DNS label\), got 'm{64}'$/,
  ],
  [
    'an Argo CD namespace of 64 characters',
    `argocd: { namespace: ${'n'.repeat(64)} }\n`,
    /argocd\.namespace: must be at most 63 characters/,
  ],
  [
    'a load-balancer address of 254 characters',
    `loadBalancer: { address: ${[63, 63, 63, 62].map((n) => 'b'.repeat(n)).join('.')} }\n`,
    /loadBalancer\.address: must be an IPv4 or IPv6 address or a DNS name, got "b{63}\..*": a DNS name is at most 253 characters/,
  ],
  [
    'a load-balancer address that inet_aton would read',
    "loadBalancer: { address: '0x0a000001' }\n",
    /loadBalancer\.address: must be an IPv4 or IPv6 address or a DNS name, got "0x0a000001": it looks like a malformed IPv4 address/,
  ],
  [
    'the IPv6 unspecified address as the load-balancer address',
    "loadBalancer: { address: '::' }\n",
    /loadBalancer\.address: must be an address a server can use \(not unspecified, broadcast or multicast\): "::" is the unspecified address, which names no host \(RFC 4291 2\.5\.2\)$/,
  ],
  [
    'a multicast source address',
    "loadBalancer: { sourceAddresses: ['224.0.0.1'] }\n",
    /loadBalancer\.sourceAddresses\[0\]: must be an address a server can use .*"224\.0\.0\.1" is a multicast address \(224\.0\.0\.0\/4/,
  ],
  [
    'an IPv6 multicast source address',
    "loadBalancer: { sourceAddresses: ['10.0.0.2', 'FF02::1'] }\n",
    /loadBalancer\.sourceAddresses\[1\]: must be an address a server can use .*"FF02::1" is a multicast address \(ff00::\/8/,
  ],
  [
    'the broadcast address as a source address',
    "loadBalancer: { sourceAddresses: ['255.255.255.255'] }\n",
    /loadBalancer\.sourceAddresses\[0\]: must be an address a server can use .*"255\.255\.255\.255" is the limited broadcast address/,
  ],
  [
    'an address of 0.0.0.0/8 as a source address',
    "loadBalancer: { sourceAddresses: ['0.1.2.3'] }\n",
    /loadBalancer\.sourceAddresses\[0\]: must be an address a server can use .*"0\.1\.2\.3" is in 0\.0\.0\.0\/8, 'this network'/,
  ],
  [
    'the unspecified address written as IPv4-mapped IPv6',
    "loadBalancer: { sourceAddresses: ['::ffff:0.0.0.0'] }\n",
    /loadBalancer\.sourceAddresses\[0\]: must be an address a server can use .*"::ffff:0\.0\.0\.0" is the unspecified address/,
  ],
  [
    'one IPv6 source address in two spellings',
    "loadBalancer: { sourceAddresses: ['2001:DB8:0:0::1', '2001:db8::1'] }\n",
    /loadBalancer\.sourceAddresses\[1\]: '2001:db8::1' is listed twice \(also loadBalancer\.sourceAddresses\[0\], as '2001:DB8:0:0::1'\)$/,
  ],
  [
    'one IPv6 source address with and without leading zeros',
    "loadBalancer: { sourceAddresses: ['2001:db8::a', '2001:0db8:0000:0000:0000:0000:0000:000a'] }\n",
    /loadBalancer\.sourceAddresses\[1\]: '2001:0db8:0000:0000:0000:0000:0000:000a' is listed twice \(also loadBalancer\.sourceAddresses\[0\], as '2001:db8::a'\)/,
  ],
  [
    'an IPv4 source address and its IPv4-mapped IPv6 address',
    "loadBalancer: { sourceAddresses: ['10.0.0.2', '::ffff:10.0.0.2'] }\n",
    /loadBalancer\.sourceAddresses\[1\]: '::ffff:10\.0\.0\.2' is listed twice \(also loadBalancer\.sourceAddresses\[0\], as '10\.0\.0\.2'\)/,
  ],
  [
    'an IPv4-mapped address in hexadecimal and its IPv4 address',
    "loadBalancer: { sourceAddresses: ['::FFFF:a00:2', '10.0.0.2'] }\n",
    /loadBalancer\.sourceAddresses\[1\]: '10\.0\.0\.2' is listed twice \(also loadBalancer\.sourceAddresses\[0\], as '::FFFF:a00:2'\)/,
  ],
  [
    'one source host name in two cases',
    "loadBalancer: { sourceAddresses: ['LB-1.example', 'lb-1.EXAMPLE'] }\n",
    /loadBalancer\.sourceAddresses\[1\]: 'lb-1\.EXAMPLE' is listed twice \(also loadBalancer\.sourceAddresses\[0\], as 'LB-1\.example'\)/,
  ],
  [
    'a source address that inet_aton would read',
    "loadBalancer: { sourceAddresses: ['0x0a.0.0.1'] }\n",
    /loadBalancer\.sourceAddresses\[0\]: must be an IPv4 or IPv6 address \(no zone id\) or a DNS name, got "0x0a\.0\.0\.1": it looks like a malformed IPv4/,
  ],
  [
    '1025 cores for a container',
    "resources: { kong: { kong: { cpu: '1025' } } }\n",
    /resources\.kong\.kong\.cpu: must be from 1m \(Kubernetes' finest CPU\) to 1024 cores \(no node has more\), got '1025'$/,
  ],
  [
    '1025 cores in millicores',
    "resources: { 'vernemq-k8s': { vernemq: { cpu: 1025000m } } }\n",
    /resources\.vernemq-k8s\.vernemq\.cpu: must be from 1m .* to 1024 cores .*got '1025000m'/,
  ],
  [
    'a CPU finer than a millicore',
    "resources: { kong: { kong: { cpu: '0.0005' } } }\n",
    /resources\.kong\.kong\.cpu: must be from 1m \(Kubernetes' finest CPU\) to 1024 cores.*got '0\.0005'/,
  ],
  [
    'a memory limit of 5Ti',
    'resources: { kong: { kong: { memoryLimit: 5Ti } } }\n',
    /resources\.kong\.kong\.memoryLimit: must be at most 4Ti \(no node has more\), got '5Ti'$/,
  ],
  [
    'a memory request just above 4Ti',
    "resources: { postgres: { postgres: { memory: '4398046511105' } } }\n",
    /resources\.postgres\.postgres\.memory: must be at most 4Ti \(no node has more\), got '4398046511105'/,
  ],
  [
    'no memory',
    "resources: { kong: { kong: { memory: '0' } } }\n",
    /resources\.kong\.kong\.memory: must be a memory quantity above 0 .*got '0'$/,
  ],
  ['no CPU', 'resources: { kong: { kong: { cpu: 0m } } }\n', /resources\.kong\.kong\.cpu: must be a CPU quantity above 0 .*got '0m'$/],
  ['1001 brokers', 'vernemq: { replicas: 1001 }\n', /vernemq\.replicas: must be a whole number of replicas from 1 to 1000, got 1001$/],
  ['1001 bridges', 'bridges: { replicas: 1001 }\n', /bridges\.replicas: must be a whole number of replicas from 1 to 1000, got 1001$/],
  [
    '1001 Kafka brokers',
    'kafka: { clusterSize: 1001 }\n',
    /kafka\.clusterSize: must be a whole number of replicas from 1 to 1000, got 1001$/,
  ],
  [
    '1001 Zookeeper servers',
    'zookeeper: { clusterSize: 1001 }\n',
    /zookeeper\.clusterSize: must be a whole number of replicas from 1 to 1000/,
  ],
  [
    '1001 x509 replicas',
    'storageClassName: local-storage\nx509IdentityMgmt: { replicas: 1001, persistence: { enabled: true } }\n',
    /x509IdentityMgmt\.replicas: must be a whole number of replicas from 1 to 1000, got 1001$/,
  ],
  [
    "one port twice for Kong's Services",
    'apigw: { adminPort: 8000 }\n',
    /apigw\.adminPort: must be unique among Kong's ports: 8000 is also apigw\.httpPort$/,
  ],
  [
    "Kong's HTTPS port on its HTTP port",
    'apigw: { httpPort: 8080, httpsPort: 8080 }\n',
    /apigw\.httpsPort: must be unique among Kong's ports: 8080 is also apigw\.httpPort$/,
  ],
  [
    "Kong's proxy on its admin API over TLS",
    'apigw: { httpsPort: 8444 }\n',
    /apigw\.httpsPort: must be unique among Kong's ports: 8444 is also Kong's admin API over TLS \(kong\.conf of dojot\/kong v0\.6\.0\)$/,
  ],
  [
    "Zookeeper's election port on its quorum port",
    'zookeeper: { electionPort: 2888 }\n',
    /zookeeper\.electionPort: must be unique among Zookeeper's ports: 2888 is also zookeeper\.serverPort$/,
  ],
  [
    "Zookeeper's client port on its election port",
    'zookeeper: { clientPort: 3888 }\n',
    /zookeeper\.electionPort: must be unique among Zookeeper's ports: 3888 is also zookeeper\.clientPort$/,
  ],
  [
    'two node groups with one label',
    'placement: { nodeLabels: { kafka: dojot } }\n',
    /placement\.nodeLabels\.kafka: must be unique: 'dojot' is also placement\.nodeLabels\.dojot, .*prepare-local-volumes\.sh would create the directories of only one/,
  ],
  [
    'two renamed node groups with one label',
    'placement: { nodeLabels: { x509: pool-a, vernemq: pool-a } }\n',
    /placement\.nodeLabels\.vernemq: must be unique: 'pool-a' is also placement\.nodeLabels\.x509, and one label makes the x509 and vernemq groups one/,
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
  [
    'dojot_constructor in an Ansible file',
    'dojot_namespace: dojot\ndojot_constructor: x\n',
    /dojot_constructor: unknown key 'dojot_constructor'/,
  ],
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
    'two Ansible node groups with one label',
    'dojot_node_label: { dojot: pool, x509: pool, kafka: kafka, vernemq: vernemq }\n',
    /dojot_node_label\.x509 \(placement\.nodeLabels\.x509\): must be unique: 'pool' is also placement\.nodeLabels\.dojot/,
  ],
  [
    'an Ansible Zookeeper port twice',
    'dojot_zk_client_port: 2888\n',
    /dojot_zk_server_port \(zookeeper\.serverPort\): must be unique among Zookeeper's ports: 2888 is also zookeeper\.clientPort/,
  ],
  [
    'an Ansible domain that inet_aton would read',
    "dojot_domain_name: '127.1'\n",
    /dojot_domain_name \(domainName\): must be a host name or address, got '127\.1': it looks like a malformed IPv4 address/,
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
  // Ansible's own reading (test/cli/ansible-reading.test.ts has the accepted side).
  [
    'y where a boolean belongs (PyYAML keeps it a string)',
    { 'hosts.yaml': GROUPS('        10.0.0.1:\n'), 'group_vars/all.yml': 'dojot_enable_node_affinity: y\n' },
    /all\.yml: dojot_enable_node_affinity \(placement\.nodeAffinity\): must be a boolean \(true or false\), got 'y'$/,
  ],
  [
    '08 where a number belongs (not octal: PyYAML keeps it a string)',
    { 'hosts.yaml': GROUPS('        10.0.0.1:\n'), 'group_vars/all': 'dojot_vernemq_replicas: 08\n' },
    /all: dojot_vernemq_replicas \(vernemq\.replicas\): must be a number, got '08'$/,
  ],
  [
    'a host range without its end',
    { 'hosts.yaml': GROUPS("        'verne[1:].lab':\n") },
    /mqtt_nodes\.hosts\.verne\[1:\]\.lab: has a range without its end/,
  ],
  [
    'a host range of two million hosts',
    { 'hosts.yaml': GROUPS("        '10.[0:255].[0:255].[0:255]':\n") },
    /expands to more than 100000 hosts/,
  ],
  [
    'a TOML inventory beside the hosts file',
    { 'hosts.yaml': GROUPS('        10.0.0.1:\n'), 'more.toml': '[mqtt_nodes.hosts]\n' },
    /more\.toml: \(file\): is not a YAML inventory/,
  ],
  [
    "an inventory plugin's configuration",
    { 'hosts.yaml': GROUPS('        10.0.0.1:\n'), 'cloud.yml': 'plugin: amazon.aws.aws_ec2\n' },
    /cloud\.yml: plugin: configures Ansible's inventory plugin "amazon\.aws\.aws_ec2", which dojot-cdk8s does not run/,
  ],
  [
    'a group that is its own ancestor',
    { 'hosts.yaml': `${GROUPS('        10.0.0.1:\n')}    a:\n      children:\n        a:\n` },
    /a\.children\.a: makes the group a a child of itself/,
  ],
  [
    'a Vault-encrypted setting',
    {
      'hosts.yaml': GROUPS('        10.0.0.1:\n'),
      'group_vars/all/v.yaml': 'dojot_domain_name: !vault |\n  $ANSIBLE_VAULT;1.1;AES256\n  61\n',
    },
    /v\.yaml: dojot_domain_name: is encrypted with Ansible Vault, which dojot-cdk8s does not decrypt/,
  ],
  [
    'host_vars of the deploy host with a bad value',
    {
      'hosts.yaml': `${GROUPS('        10.0.0.1:\n')}    dojot-k8s:\n      hosts:\n        master:\n`,
      'host_vars/master.yaml': 'dojot_vernemq_replicas: 0\n',
    },
    /master\.yaml: dojot_vernemq_replicas \(vernemq\.replicas\): must be a whole number of replicas from 1 to 1000, got 0/,
  ],
  [
    'the fixed NodePorts turned off in group_vars',
    { 'hosts.yaml': GROUPS('        10.0.0.1:\n'), 'group_vars/all.json': '{"dojot_fixed_nodeports_enabled": false}' },
    /all\.json: dojot_fixed_nodeports_enabled \(nodePorts\.fixed\): is false, but the inventory's load balancer/,
  ],
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
    'a broadcast node',
    { 'hosts.yaml': GROUPS('        255.255.255.255:\n') },
    /mqtt_nodes\.255\.255\.255\.255: must be an address a server can use \(not unspecified, broadcast or multicast\): "255\.255\.255\.255" is the limited broadcast address/,
  ],
  [
    'the unspecified address as a node',
    { 'hosts.yaml': GROUPS('        v: { ansible_host: 0.0.0.0 }\n') },
    /mqtt_nodes\.v\.ansible_host: must be an address a server can use .*"0\.0\.0\.0" is the unspecified address/,
  ],
  [
    'a multicast node',
    { 'hosts.yaml': GROUPS("        v: { ansible_host: '239.0.0.1' }\n") },
    /mqtt_nodes\.v\.ansible_host: must be an address a server can use .*"239\.0\.0\.1" is a multicast address/,
  ],
  [
    'an IPv6 multicast node',
    { 'hosts.yaml': GROUPS("        'ff05::2':\n") },
    /mqtt_nodes\.ff05::2: must be an address a server can use .*"ff05::2" is a multicast address \(ff00::\/8/,
  ],
  [
    'the IPv6 unspecified address as a node',
    { 'hosts.yaml': GROUPS("        v: { ansible_host: '::' }\n") },
    /mqtt_nodes\.v\.ansible_host: must be an address a server can use .*"::" is the unspecified address/,
  ],
  [
    'one node in two IPv6 spellings',
    { 'hosts.yaml': GROUPS("        '2001:db8::10':\n        v: { ansible_host: '2001:DB8:0:0:0:0:0:10' }\n") },
    /mqtt_nodes\.v\.ansible_host: '2001:DB8:0:0:0:0:0:10' is listed twice \(also mqtt_nodes\.2001:db8::10, as '2001:db8::10'\)/,
  ],
  [
    'one node as IPv4 and as IPv4-mapped IPv6',
    { 'hosts.yaml': GROUPS("        10.0.0.1:\n        v: { ansible_host: '::ffff:10.0.0.1' }\n") },
    /mqtt_nodes\.v\.ansible_host: '::ffff:10\.0\.0\.1' is listed twice \(also mqtt_nodes\.10\.0\.0\.1, as '10\.0\.0\.1'\)/,
  ],
  [
    'one node name in two cases',
    { 'hosts.yaml': GROUPS('        verne-1.example:\n        v: { ansible_host: VERNE-1.Example }\n') },
    /mqtt_nodes\.v\.ansible_host: 'VERNE-1\.Example' is listed twice \(also mqtt_nodes\.verne-1\.example, as 'verne-1\.example'\)/,
  ],
  [
    'a node that inet_aton would read',
    { 'hosts.yaml': GROUPS("        v: { ansible_host: '10.1' }\n") },
    /mqtt_nodes\.v\.ansible_host: must be an IPv4 or IPv6 address \(no zone id\) or a DNS name, got "10\.1": it looks like a malformed IPv4 address/,
  ],
  [
    'a node name with a label of 64 characters',
    { 'hosts.yaml': GROUPS(`        ${'v'.repeat(64)}.example:\n`) },
    /mqtt_nodes\.v{64}\.example: must be an IPv4 or IPv6 address \(no zone id\) or a DNS name, got "v{64}\.example": a DNS label is at most 63/,
  ],
  [
    'a multicast control-plane node',
    { 'hosts.yaml': `${GROUPS('        10.0.0.1:\n')}    control_plane_nodes:\n      hosts:\n        224.0.0.5:\n` },
    /control_plane_nodes\.224\.0\.0\.5: must be an address a server can use .*is a multicast address/,
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
    /\(directory\): has no inventory source \(a hosts\.yaml, for one\)/,
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
