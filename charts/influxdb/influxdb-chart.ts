import { backoffLimitFor } from '../../lib/job-retries';
import { INFLUXDB_SECRET } from './secret';
import { completeTemplate } from '../../lib/container-facts';
import { k8s } from 'cdk8s-plus-27';
import type { Construct } from 'constructs';
import { DojotChart, type DojotChartProps } from '../dojot-chart';
import { secretEnv } from '../../lib/secrets';
import { portOf } from '../../lib/contract';
import { DojotService, DojotStatefulSet } from '../../lib/workloads';
import type { Profile } from '../../profile/types';
import { claimSpec } from '../storage/claims';
import { INFLUXDB_SELECTOR, INFLUXDB_VOLUME } from './contract';
import { SETUP_ENV, renderSetupScript } from './setup-script';
import type { InfluxdbContract } from './contract';

/** The contracts this chart reads. */
type InfluxdbReads = { readonly influxdb: InfluxdbContract };

export interface InfluxdbChartProps extends DojotChartProps<InfluxdbReads> {
  readonly influxdb: Profile['influxdb'];
}

/** influxd's own ports (its default --http-bind-address is :8086); the Service maps the profile's port to `api`. */
const API_PORT = 8086;
const RPC_PORT = 8088;
/** influxd keeps its bolt and engine files under ~/.influxdbv2; the image runs as root. */
const DATA_DIR = '/root/.influxdbv2';

/** InfluxDB 2: its StatefulSet, Service and the Job that sets it up once. */
export class InfluxdbChart extends DojotChart<InfluxdbReads> {
  constructor(scope: Construct, id: string, { influxdb: db, ...props }: InfluxdbChartProps) {
    super(scope, id, props);
    const { api } = this.contracts.influxdb.services;
    const image = `quay.io/influxdb/influxdb:${db.version}`;
    new DojotService(this, 'Service', { contract: api, labels: { name: api.name }, spec: { type: 'ClusterIP' } });

    const ping = (timing: Omit<k8s.Probe, 'httpGet'>): k8s.Probe => ({
      httpGet: { path: '/ping', port: k8s.IntOrString.fromString('api'), scheme: 'HTTP' },
      ...timing,
    });
    const persistent = db.persistence.enabled;
    new DojotStatefulSet(this, 'StatefulSet', {
      name: api.name,
      metadataLabels: { ...INFLUXDB_SELECTOR },
      labels: { ...INFLUXDB_SELECTOR },
      // The original had none: required by apps/v1 in Kubernetes 1.27's schema (optional by 1.33).
      serviceName: api.name,
      group: 'dojot',
      placement: this.placement,
      spec: { restartPolicy: 'Always', terminationGracePeriodSeconds: 30 },
      containers: [
        {
          name: api.name,
          image,
          ports: [
            { containerPort: API_PORT, name: 'api', protocol: 'TCP' },
            { containerPort: RPC_PORT, name: 'rpc', protocol: 'TCP' },
          ],
          startupProbe: ping({ failureThreshold: 3, initialDelaySeconds: 5, periodSeconds: 10, successThreshold: 1, timeoutSeconds: 1 }),
          readinessProbe: ping({ failureThreshold: 3, initialDelaySeconds: 5, periodSeconds: 10, successThreshold: 1, timeoutSeconds: 1 }),
          livenessProbe: ping({ failureThreshold: 3, initialDelaySeconds: 30, periodSeconds: 10, successThreshold: 1, timeoutSeconds: 5 }),
          volumeMounts: persistent ? [{ name: 'influxdb-volume', mountPath: DATA_DIR }] : undefined,
        },
      ],
      volumeClaimTemplates: persistent
        ? [{ metadata: { name: 'influxdb-volume' }, spec: claimSpec(this.storage, INFLUXDB_VOLUME, db.persistence) }]
        : undefined,
    });

    // The first user, organization and bucket. As in the original: no node affinity, no labels.
    new k8s.KubeJob(this, 'SetupJob', {
      metadata: { name: 'influxdb-job' },
      spec: {
        // Until InfluxDB answers, for 30 minutes of Kubernetes' own backoff (v0.6.0's 3: about a minute).
        backoffLimit: backoffLimitFor('OnFailure'),
        template: completeTemplate(
          this,
          { kind: 'Job', name: 'influxdb-job' },
          {
            metadata: { name: 'influxdb-job' },
            spec: {
              restartPolicy: 'OnFailure',
              automountServiceAccountToken: false,
              securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
              containers: [
                {
                  name: 'influxdb-create-admin-user',
                  image,
                  securityContext: { allowPrivilegeEscalation: false },
                  env: [
                    secretEnv(SETUP_ENV.user, INFLUXDB_SECRET, 'admin-user'),
                    secretEnv(SETUP_ENV.password, INFLUXDB_SECRET, 'admin-password'),
                    secretEnv(SETUP_ENV.token, INFLUXDB_SECRET, 'admin-token'),
                  ],
                  command: ['bash'],
                  args: [
                    '-c',
                    renderSetupScript({
                      host: api.name,
                      port: portOf(api, 'http').port,
                      organization: db.organizationName,
                      bucket: db.bucket,
                      retention: db.retention,
                    }),
                  ],
                },
              ],
            },
          },
        ),
      },
    });
  }
}
