import { backoffLimitFor } from '../../lib/job-retries';
import { KONG_SECRET } from './secret';
import { k8s } from 'cdk8s-plus-27';
import type { Construct } from 'constructs';
import { DojotChart, type DojotChartProps } from '../dojot-chart';
import { dojotLabels } from '../../lib/labels';
import { secretEnv } from '../../lib/secrets';
import { AUTH_PDP_URL } from '../auth/contract';
import { type ApiRoute, portOf, serviceUrl } from '../../lib/contract';
import { completeTemplate } from '../../lib/container-facts';
import { DojotDeployment, DojotService, dojotPodTemplate, env } from '../../lib/workloads';
import type { Profile } from '../../profile/types';
import { claimSpec } from '../storage/claims';
import { KONG_ROUTE_CONFIG_JOB, KONG_SELECTOR, KONG_VOLUME } from './contract';
import { renderRouteScript } from './routes';
import { kongListenOverrides, kongPgPortOverride } from './start-contract';
import type { PostgresContract } from '../postgres/contract';
import type { KongContract } from './contract';

/** The contracts this chart reads. */
type KongReads = { readonly postgres: PostgresContract; readonly kong: KongContract };

export interface KongChartProps extends DojotChartProps<KongReads> {
  readonly apigw: Profile['apigw'];
  /** The routes of the deployed components, each upstream from its own contract. */
  readonly routes: readonly ApiRoute[];
}

/** Kong, dojot's API gateway: its database migrations, routes, Deployment and Services. */
export class KongChart extends DojotChart<KongReads> {
  constructor(scope: Construct, id: string, { apigw, routes, ...props }: KongChartProps) {
    super(scope, id, props);
    const labels = dojotLabels('kong');
    const image = `dojot/kong:${apigw.version}`;
    const db = this.contracts.postgres.services.db;
    const database = [
      env('KONG_DATABASE', 'postgres'),
      env('KONG_PG_HOST', db.name),
      // Kong's pg_port is 5432: set only for another (./start-contract.ts).
      ...kongPgPortOverride(portOf(db, 'sql').port).map((v) => env(v.name, v.value)),
      secretEnv('KONG_PG_USER', KONG_SECRET, 'user'),
      secretEnv('KONG_PG_PASSWORD', KONG_SECRET, 'password'),
      secretEnv('KONG_PG_DATABASE', KONG_SECRET, 'db'),
    ];

    const { internal, external } = this.contracts.kong.services;
    new DojotService(this, 'Service', { contract: internal, labels: { name: internal.name }, spec: { type: 'ClusterIP' } });
    new DojotService(this, 'ExternalService', { contract: external, labels: { name: external.name }, spec: { type: 'NodePort' } });

    // Jobs run once per apply of a new spec; they retry until PostgreSQL and Kong are up, for 30
    // minutes of Kubernetes' own backoff (v0.6.0 kept the default 6 restarts: about 10 minutes).
    const job = (id: string, name: string, container: Omit<k8s.Container, 'name'>, volumes?: k8s.Volume[]) =>
      new k8s.KubeJob(this, id, {
        metadata: { name },
        spec: {
          backoffLimit: backoffLimitFor('OnFailure'),
          // The original names the pod template too (Kubernetes then generates the pods' names).
          template: withTemplateName(
            name,
            completeTemplate(
              this,
              { kind: 'Job', name },
              dojotPodTemplate({
                labels: { name, app: 'dojot' },
                group: 'dojot',
                placement: this.placement,
                spec: { restartPolicy: 'OnFailure' },
                containers: [{ name, ...container }],
                volumes,
              }),
            ),
          ),
        },
      });
    job('Migrate', 'kong-migrate', { env: database, image, args: ['kong', 'migrations', 'bootstrap'] });
    // The original passed `&&` as an argument to kong; a shell runs the two steps in turn.
    job('MigrateUp', 'kong-migrate-up', { env: database, image, args: ['/bin/sh', '-c', 'kong migrations up && kong migrations finish'] });

    new k8s.KubeConfigMap(this, 'RouteScript', {
      metadata: { name: 'kong-config' },
      data: {
        'kong-config.sh': renderRouteScript({
          adminUrl: serviceUrl(internal, 'admin'),
          pdpUrl: AUTH_PDP_URL,
          routes,
        }),
      },
    });
    job(
      'RouteConfig',
      KONG_ROUTE_CONFIG_JOB,
      {
        image: apigw.routeConfigImage,
        command: ['/bin/sh', '/config_file/kong-config.sh'],
        volumeMounts: [{ mountPath: '/config_file', name: 'kong-route-config' }],
      },
      [{ name: 'kong-route-config', configMap: { name: 'kong-config' } }],
    );

    const certificates = apigw.persistence.enabled;
    if (certificates) {
      new k8s.KubePersistentVolumeClaim(this, 'Claim', {
        metadata: { name: 'kong', labels },
        spec: claimSpec(this.storage, KONG_VOLUME, apigw.persistence),
      });
    }
    const mutualTls = apigw.mutualTls
      ? [
          // Certificates on the volume: owner UID 100 (kong), mode 400.
          env('KONG_SSL_CERT_KEY', '/certs/kong.key'),
          env('KONG_SSL_CERT', '/certs/kong.crt'),
          env('KONG_NGINX_PROXY_PROXY_SSL_CERTIFICATE_KEY', '/certs/kong-internal.key'),
          env('KONG_NGINX_PROXY_PROXY_SSL_CERTIFICATE', '/certs/kong-internal.crt'),
          env('KONG_NGINX_PROXY_PROXY_SSL_TRUSTED_CERTIFICATE', '/certs/ca.crt'),
          env('KONG_NGINX_PROXY_PROXY_SSL_VERIFY', 'on'),
          env('KONG_NGINX_PROXY_PROXY_SSL_VERIFY_DEPTH', 2),
        ]
      : [];
    new DojotDeployment(this, 'Deployment', {
      name: 'kong',
      metadataLabels: { ...KONG_SELECTOR },
      labels,
      group: 'dojot',
      placement: this.placement,
      spec: {
        restartPolicy: 'Always',
        securityContext: { runAsUser: 100 }, // user kong
        // dojot's pepkong plugin appends a line to /tmp/lualogs.txt on every request (plugins/pepkong/utils.lua):
        // pointed at /dev/null, the pod's /tmp does not grow without bound.
        initContainers: [{ name: 'discard-pepkong-log', image, command: ['sh', '-c', 'ln -sf /dev/null /tmp/lualogs.txt'] }],
      },
      containers: [
        {
          name: 'kong',
          image,
          ports: [
            { containerPort: apigw.httpPort },
            { containerPort: apigw.adminPort },
            ...(apigw.mutualTls ? [{ containerPort: apigw.httpsPort }] : []),
          ],
          // kong.conf listens on 8000, 8443 and 8001: the listeners only for a profile's other ports.
          env: [...database, ...kongListenOverrides(apigw).map((v) => env(v.name, v.value)), ...mutualTls],
          volumeMounts: certificates ? [{ name: 'kong', mountPath: '/certs' }] : undefined,
        },
      ],
      volumes: certificates ? [{ name: 'kong', persistentVolumeClaim: { claimName: 'kong' } }] : undefined,
    });
  }
}

function withTemplateName(name: string, template: k8s.PodTemplateSpec): k8s.PodTemplateSpec {
  return { ...template, metadata: { name, ...template.metadata } };
}
