/**
 * The deployment profile: every setting of the original Ansible inventory
 * (`group_vars/all/dojot.yaml`, `services.yaml`) and the role defaults a user would set
 * (`docs/vars.md`), grouped by component. The Ansible variable each field replaces is named
 * in brackets. Credentials are deliberately absent: see `npm run secrets`.
 */

import type { LoadBalancerSettings } from './load-balancer';
import type { ResourceTable } from './resources';

/**
 * The dojot flavours, as the original's `--tags`: `100k` the load test (MQTT in, Kafka, bridges),
 * `vernemq` the whole platform with VerneMQ, `mosca` with the legacy MQTT agent instead,
 * `lwm2m` with the LwM2M agent instead.
 */
export const FLAVOURS = ['100k', 'vernemq', 'mosca', 'lwm2m'] as const;
export type Flavour = (typeof FLAVOURS)[number];

/** The node groups of the guide, each selected by the node label `dojot.components/group`. */
export const NODE_GROUPS = ['dojot', 'kafka', 'x509', 'vernemq'] as const;
export type NodeGroup = (typeof NODE_GROUPS)[number];

/** A persistent-volume toggle and the size of the claim it adds. */
export interface Persistence {
  /** Claim a volume (and emit its local PersistentVolume). [dojot_<svc>_persistent_volumes] */
  readonly enabled: boolean;
  /** Requested size, a Kubernetes quantity such as `2Gi`. [dojot_<svc>_volume_size] */
  readonly size: string;
}

export interface NodePorts {
  /** Pin the NodePorts below; when false Kubernetes picks them. @default false [dojot_fixed_nodeports_enabled] */
  readonly fixed: boolean;
  /** Kong. @default { http: 30001, https: 30002 } [dojot_nodeports.apigw] */
  readonly apigw: { readonly http: number; readonly https: number };
  /** Grafana (metrics stack). @default 30003 [dojot_nodeports.metrics] */
  readonly metrics: number;
  /** VerneMQ plain MQTT. @default 30004 [dojot_nodeports.mqtt] */
  readonly mqtt: number;
  /** VerneMQ MQTT over TLS. @default 30005 [dojot_nodeports.mqtts] */
  readonly mqtts: number;
  /** LwM2M agent. @default { coap: 30006, coaps: 30007, fileServer: 30008, fileServers: 30009, http: 30010 } [dojot_nodeports.lwm2m] */
  readonly lwm2m: {
    readonly coap: number;
    readonly coaps: number;
    readonly fileServer: number;
    readonly fileServers: number;
    readonly http: number;
  };
}

export interface Placement {
  /** Pin every workload to its node group by required node affinity. @default false [dojot_enable_node_affinity] */
  readonly nodeAffinity: boolean;
  /** Value of the `dojot.components/group` label for each node group. @default the group's own name [dojot_node_label] */
  readonly nodeLabels: { readonly [G in NodeGroup]: string };
}

export interface Profile {
  /** Which set of services to deploy (the original's `--tags`): 100k, vernemq, mosca or lwm2m. @default 'vernemq' */
  readonly flavour: Flavour;
  /** Namespace of every dojot object. @default 'dojot' [dojot_namespace] */
  readonly namespace: string;
  /** Image tag of every dojot service whose own version is not set. @default 'v0.6.0' [dojot_version] */
  readonly version: string;
  /** Host or domain of the load balancer, used in device certificates. @default 'localhost' [dojot_domain_name] */
  readonly domainName: string;
  /** StorageClass of every claim; required when any persistence toggle is on. @default unset [dojot_storage_class_name] */
  readonly storageClassName?: string;
  /** The cluster's DNS domain (the kubelet's `--cluster-domain`), in the brokers' node names. @default 'cluster.local' */
  readonly clusterDomain: string;
  /** Create the RBAC objects (Role, RoleBinding) of the workloads that call the Kubernetes API (VerneMQ's peer discovery). @default true [dojot_kubernetes_rbac] */
  readonly kubernetesRbac: boolean;
  readonly nodePorts: NodePorts;
  readonly placement: Placement;
  readonly localVolumes: {
    /** Emit the StorageClass and one local PersistentVolume per enabled persistence toggle; turn off to let a provisioner's StorageClass serve the claims. @default true */
    readonly enabled: boolean;
    /** Host directory that holds each volume's directory on its node. @default '/mnt/data' */
    readonly hostRoot: string;
    /**
     * The node names (`kubernetes.io/hostname`) of each group's machines, in order: each local
     * volume of the group is then pinned to one of them (replica n to the n-th, round the list),
     * so that a pod rescheduled elsewhere waits for its host instead of starting on an empty
     * directory of another. None: a volume may bind on any machine of its group (one machine is
     * then safe, several are not: see the README's Scaling Kafka and Zookeeper out).
     * @default no names for any group
     */
    readonly hosts: { readonly [G in NodeGroup]: readonly string[] };
  };

  readonly zookeeper: {
    /** @default 2181 [dojot_zk_client_port] */
    readonly clientPort: number;
    /** @default 2888 [dojot_zk_server_port] */
    readonly serverPort: number;
    /** @default 3888 [dojot_zk_election_port] */
    readonly electionPort: number;
    /** Zookeeper replicas. @default 1 [dojot_zk_cluster_size] */
    readonly clusterSize: number;
    /** Data and log volumes (one of each). @default { enabled: false, size: '1Gi' } */
    readonly persistence: Persistence;
  };

  readonly postgres: {
    /** Tag of `dojot/postgres`. @default '9.5.21-alpine' [dojot_psql_version] */
    readonly version: string;
    /** @default 5432 [dojot_psql_port] */
    readonly port: number;
    /** @default 'postgres' [dojot_psql_default_db] */
    readonly defaultDb: string;
    /** @default 'postgres' [dojot_psql_super_user] */
    readonly superUser: string;
    /** Kong's database user and name. @default { user: 'kong', db: 'kong' } [dojot_psql_kong_user, dojot_psql_kong_db] */
    readonly kong: { readonly user: string; readonly db: string };
    /** EJBCA's (x509-identity-mgmt) user and database. @default { user: 'ejbca', db: 'ejbca' } [dojot_psql_ejbca_user, dojot_psql_ejbca_db] */
    readonly ejbca: { readonly user: string; readonly db: string };
    /** auth's user (and database). @default 'auth' [dojot_psql_auth_user] */
    readonly authUser: string;
    /** device-manager's user (and database). @default 'devm' [dojot_psql_devm_user] */
    readonly devmUser: string;
    /** @default { enabled: false, size: '2Gi' } */
    readonly persistence: Persistence;
  };

  readonly mongodb: {
    /** Tag of `dojot/mongo`. @default '3.2' [dojot_mongodb_version] */
    readonly version: string;
    /** @default 27017 [dojot_mongodb_port] */
    readonly port: number;
    /** @default 'mongodb' [dojot_mongodb_super_user] */
    readonly superUser: string;
    /** @default { enabled: false, size: '2Gi' } */
    readonly persistence: Persistence;
  };

  readonly kafka: {
    /** @default 9092 [dojot_kafka_port] */
    readonly port: number;
    /** Kafka brokers. @default 1 [dojot_kafka_cluster_size] */
    readonly clusterSize: number;
    /** @default { enabled: false, size: '2Gi' } */
    readonly persistence: Persistence;
  };

  readonly vernemq: {
    /** Tag of `dojot/vernemq-dojot`. @default the platform version [dojot_verne_version] */
    readonly version: string;
    /** Broker replicas; at least 3 for 100,000 devices. @default 1 [dojot_vernemq_replicas] */
    readonly replicas: number;
    /**
     * A volume per broker for `/vernemq/data`: its cluster metadata (SWC) and its offline
     * messages. Without it a broker rescheduled with an empty directory rejoins its cluster under
     * its old name with its clocks at zero, and its peers take its new writes for ones they have
     * (README, VerneMQ's state). v0.6.0 kept it in an emptyDir.
     * @default { enabled: true with 2 replicas or more and a storageClassName, size: '5Gi' }
     */
    readonly persistence: Persistence;
    /** Accept plain MQTT on 1883 besides MQTT over TLS. @default true [dojot_insecure_mqtt] */
    readonly insecureMqtt: boolean;
    /** Connections each MQTT listener accepts (`listener.max_connections`), a whole number or `infinity`. @default 'infinity' */
    readonly maxConnections: number | 'infinity';
    /** Messages queued per online session (`max_online_messages`). @default 50000 */
    readonly maxOnlineMessages: number;
    /** Messages queued per offline persistent session (`max_offline_messages`). @default 50000 */
    readonly maxOfflineMessages: number;
    /** QoS 1 and 2 messages in flight per session (`max_inflight_messages`). @default 100 */
    readonly maxInflightMessages: number;
    /** Erlang processes per broker (vm.args `+P`); each session takes a few. @default 256000 */
    readonly processLimit: number;
    /** Erlang ports per broker (vm.args `+Q`), one per socket. @default 262144 */
    readonly maxPorts: number;
    /** Seconds a stopping broker has to hand its sessions and queues to the others (its preStop `cluster leave` gets this less 60 s). @default 3600 */
    readonly terminationGracePeriodSeconds: number;
  };

  readonly bridges: {
    /** Replicas of v2k-bridge, k2v-bridge and kafka-loopback, and the partitions of Kafka topics. @default 1 [dojot_bridges_replicas] */
    readonly replicas: number;
    /** @default the platform version [dojot_v2k_version] */
    readonly v2kVersion: string;
    /** @default the platform version [dojot_k2v_version] */
    readonly k2vVersion: string;
    /** @default the platform version [dojot_loopback_version] */
    readonly loopbackVersion: string;
  };

  readonly apigw: {
    /** Tag of `dojot/kong`. @default the platform version [dojot_apigw_version] */
    readonly version: string;
    /** @default 8000 [dojot_internal_http_port] */
    readonly httpPort: number;
    /** @default 8443 [dojot_internal_https_port] */
    readonly httpsPort: number;
    /** Kong admin API. @default 8001 [dojot_internal_api_config_port] */
    readonly adminPort: number;
    /** Serve HTTPS with mutual TLS; needs the certificate volume. @default false [dojot_apigw_enable_mutual_tls] */
    readonly mutualTls: boolean;
    /** Image of the job that writes Kong's routes: any image with sh and curl. @default 'curlimages/curl:7.76.1' */
    readonly routeConfigImage: string;
    /** Certificate volume mounted at /certs. @default { enabled: false, size: '5Mi' } */
    readonly persistence: Persistence;
  };

  readonly auth: {
    /** @default the platform version [dojot_auth_version] */
    readonly version: string;
    /** Send e-mail to new users; host, user and password come from `auth-secret`. @default false [dojot_auth_email_enabled] */
    readonly emailEnabled: boolean;
    /** Page linked from the password e-mail. @default 'http://<domainName>/#/setPassword/' [dojot_gui_url_set_password] */
    readonly resetPasswordUrl: string;
  };

  readonly dataBroker: {
    /** @default the platform version [dojot_data_broker_version] */
    readonly version: string;
  };

  readonly kafkaWs: {
    /** @default the platform version [dojot_kafka_ws_version] */
    readonly version: string;
    /** @default 8080 [dojot_kafka_ws_port] */
    readonly port: number;
    /** @default 6379 [dojot_kafka_ws_redis_port] */
    readonly redisPort: number;
    /** Serve TLS; needs the certificate volume. @default false [dojot_kafka_ws_enable_tls] */
    readonly tls: boolean;
    /** Certificate volume mounted at /opt/kafka-ws/certs. @default { enabled: false, size: '5Mi' } */
    readonly persistence: Persistence;
  };

  readonly x509IdentityMgmt: {
    /** @default the platform version [dojot_x509_identity_mgmt_version] */
    readonly version: string;
    /** More than one needs the volume. @default 1 [dojot_x509_identity_mgmt_replicas] */
    readonly replicas: number;
    /** EJBCA state, mounted at /mnt/persistent. @default { enabled: false, size: '10Mi' } [dojot_x509_identity_mgmt_persistent_volumes, dojot_x509_identity_management_volume_size] */
    readonly persistence: Persistence;
  };

  /** Services of the other flavours: read and validated now, deployed by those flavours. */
  readonly minio: {
    /** @default '2019.09.20' [dojot_minio_version] */
    readonly version: string;
    /** @default 9000 [dojot_minio_port] */
    readonly port: number;
    /** @default 1 [dojot_minio_cluster_size] */
    readonly clusterSize: number;
    /** @default { enabled: false, size: '2Gi' } */
    readonly persistence: Persistence;
  };
  readonly influxdb: {
    /** @default 'v2.0.2' [dojot_influxdb_version] */
    readonly version: string;
    /** @default 8086 [dojot_influxdb_port] */
    readonly port: number;
    /** @default 'admin' [dojot_influxdb_organization_name] */
    readonly organizationName: string;
    /** @default 'devices' [dojot_influxdb_bucket] */
    readonly bucket: string;
    /** @default '7d' [dojot_influxdb_retention] */
    readonly retention: string;
    /** @default { enabled: false, size: '2Gi' } */
    readonly persistence: Persistence;
    /** Log level of influxdb-storer. @default 'info' [dojot_influxdb_storer_log_level] */
    readonly storerLogLevel: 'debug' | 'info' | 'warn' | 'error';
    /** Log level of influxdb-retriever. @default 'info' [dojot_influxdb_retriever_log_level] */
    readonly retrieverLogLevel: 'debug' | 'info' | 'warn' | 'error';
  };
  /** The LwM2M agent (the `lwm2m` flavour). */
  readonly iotagentLwm2m: {
    /** Host or address devices fetch firmware from. @default the profile's domainName [dojot_file_server_address] */
    readonly fileServerAddress: string;
    /** The port of the agent's HTTP file server: it listens there and writes it into the firmware URLs devices fetch, so the load balancer listens on it too. @default 5896 (the original's 30015 was served by nothing) [file_server_http_port] */
    readonly fileServerHttpPort: number;
    /** The agent's file server port over HTTPS. @default 30016 [file_server_https_port] */
    readonly fileServerHttpsPort: number;
  };
  readonly guiV2: {
    /** @default true [dojot_guiv2_enabled] */
    readonly enabled: boolean;
    /** @default 'dojot/gui-v2' [dojot_guiv2_image] */
    readonly image: string;
    /** @default the platform version [dojot_guiv2_version] */
    readonly version: string;
  };
  /** Image tags of the remaining services; each defaults to the platform version unless noted. */
  readonly versions: {
    /** [dojot_image_manager_version] */ readonly imageManager: string;
    /** [dojot_devm_version] */ readonly deviceManager: string;
    /** [dojot_flowbroker_version] */ readonly flowbroker: string;
    /** [dojot_flowbroker_context_manager_version] */ readonly flowbrokerContextManager: string;
    /** [dojot_gui_version] */ readonly gui: string;
    /** [dojot_history_version] */ readonly history: string;
    /** [dojot_persister_version] */ readonly persister: string;
    /** [dojot_iotagent_mosca_version] */ readonly iotagentMosca: string;
    /** [dojot_iotagent_lwm2m_version] */ readonly iotagentLwm2m: string;
    /** [dojot_data_manager_version] */ readonly dataManager: string;
    /** [dojot_kafka2ftp_version] */ readonly kafka2ftp: string;
    /** [dojot_influxdb_storer_version] */ readonly influxdbStorer: string;
    /** [dojot_influxdb_retriever_version] */ readonly influxdbRetriever: string;
    /** @default '3.7-alpine' [dojot_rabbitmq_version] */ readonly rabbitmq: string;
  };
  /** Optional services of the full flavours. [optional] in services.yaml */
  readonly optional: {
    /** @default false */ readonly influxdb: boolean;
    /** @default false */ readonly influxdbStorer: boolean;
    /** @default false */ readonly influxdbRetriever: boolean;
    /** @default true */ readonly history: boolean;
    /** @default true */ readonly persister: boolean;
  };
  /** The L4 load balancer in front of the cluster. */
  readonly loadBalancer: LoadBalancerSettings;
  /**
   * dojot's monitoring, for a Prometheus stack installed beside it (kube-prometheus-stack, or any
   * prometheus-operator from v0.65): ServiceMonitors, alerting rules and Grafana dashboards in
   * dist/monitoring, a values file for the stack in dist/helm, Grafana on `nodePorts.metrics`.
   */
  readonly metrics: {
    /** Emit dojot's monitoring, and the load balancer's metrics entry point. @default true (the original deploys its metrics stack with every flavour) */
    readonly enabled: boolean;
    /** Namespace of the monitoring stack; the dashboards go there. @default 'monitoring' */
    readonly namespace: string;
    /** The stack's Helm release: the `release` label its Prometheus selects ServiceMonitors and rules by. @default 'kube-prometheus-stack' */
    readonly release: string;
    /** Label by which the stack's Grafana sidecar loads dashboard ConfigMaps. @default 'grafana_dashboard' */
    readonly dashboardLabel: string;
    /** How often Prometheus scrapes VerneMQ (v0.6.0 scraped every 1 s). @default '30s' */
    readonly scrapeInterval: string;
    /**
     * Where dojot's alerting rules go: `helm-values`, into the stack's values
     * (`additionalPrometheusRulesMap`: the chart creates the PrometheusRule with the stack), or
     * `prometheus-rule`, a PrometheusRule in dist/monitoring for a prometheus-operator installed
     * some other way. @default 'helm-values'
     */
    readonly rulesAs: 'helm-values' | 'prometheus-rule';
  };
  /**
   * CPU and memory requests and a memory limit for every container, by workload and container
   * name (profile/resources.ts lists them all). A layer changes only what it names, e.g.
   * `{ 'vernemq-k8s': { vernemq: { memory: '3Gi', memoryLimit: '4Gi' } } }`.
   * @default each workload's size in profile/resources.ts
   */
  readonly resources: ResourceTable;
  /** The Argo CD Application that syncs the output from Git (`dist/argocd/`). */
  readonly argocd: {
    /** The Git repository that holds the committed output; empty: no Application. @default '' */
    readonly repoURL: string;
    /** Branch, tag or commit to sync. @default 'HEAD' */
    readonly targetRevision: string;
    /** The output's folder in that repository. @default 'dist' */
    readonly path: string;
    /** The Application's name. @default 'dojot' */
    readonly name: string;
    /** Argo CD's namespace, where the Application lives. @default 'argocd' */
    readonly namespace: string;
    /** @default 'default' */
    readonly project: string;
    /** The cluster to deploy to. @default 'https://kubernetes.default.svc' (Argo CD's own) */
    readonly destinationServer: string;
    /** Sync on every commit, pruning what the output no longer has and undoing drift. @default true */
    readonly automated: boolean;
  };
  readonly networkPolicies: {
    /**
     * Deny ingress to every dojot pod but from the clients each Service has (charts/network-policies):
     * Kong's admin API only from auth and its routes' Job, the brokers' metrics only from the
     * monitoring namespace, the NodePorts from anywhere. Needs a CNI that enforces NetworkPolicy. @default true
     */
    readonly enabled: boolean;
  };
  /** The machines of each node group, against which synth checks the pinned requests. */
  readonly capacity: Capacity;
  /** Where every image is pulled from, and what pins it. */
  readonly images: {
    /**
     * A registry (and path) put before every image, for a mirror (air-gapped clusters):
     * `registry.local:5000` pulls `dojot/auth:v0.6.0` as `registry.local:5000/dojot/auth:v0.6.0`
     * (mirror each image under its own path), and the Prometheus stack's images in place of their
     * own registry (its `global.imageRegistry`: `registry.local:5000/prometheus/prometheus`).
     * @default '' (each image from its own registry)
     */
    readonly registry: string;
    /**
     * A digest per image, by the reference the output names it with before any registry
     * (`dojot/postgres:9.5.21-alpine`): pulled as `dojot/postgres:9.5.21-alpine@sha256:...`, so a re-pushed tag is refused.
     * An image no workload of the profile runs is refused. @default {}
     */
    readonly digests: Readonly<Record<string, string>>;
  };
  readonly locustExporter: {
    /** Scrape a Locust exporter (metrics stack). @default false [dojot_enable_locust_exporter] */
    readonly enabled: boolean;
    /** @default '127.0.0.1' [dojot_locust_exporter.ip] */
    readonly ip: string;
    /** @default 9646 [dojot_locust_exporter.port] */
    readonly port: number;
  };
}

/** The machines of one node group. */
export interface Machines {
  /** How many; 0 when unknown (the group is then not checked). */
  readonly count: number;
  /** CPU cores of each. */
  readonly cores: number;
  /** Memory of each, a quantity such as `8Gi`. */
  readonly memory: string;
}

export interface Capacity {
  /** The machines of each node group (the guide's in the 100k preset). @default unknown (count 0) */
  readonly machines: { readonly [G in NodeGroup]: Machines };
  /** Share of each machine kept for the kubelet, the system and eviction thresholds, in percent. @default 10 */
  readonly reservedPercent: number;
  /** When the requests pinned to a group exceed its machines: `refuse` (synth fails) or `warn`. @default 'refuse' */
  readonly onExcess: 'refuse' | 'warn';
}

/** A profile layer: any subset of the fields, merged over the defaults. */
export type ProfileLayer = DeepPartial<Profile>;
export type DeepPartial<T> = { -readonly [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };
