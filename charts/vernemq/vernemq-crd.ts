import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';

/** A structural OpenAPI v3 schema node, in the wire format of apiextensions.k8s.io/v1. */
interface Schema {
  readonly type: 'object' | 'array' | 'string' | 'integer' | 'boolean';
  readonly description?: string;
  readonly properties?: Record<string, Schema>;
  readonly items?: Schema;
  readonly required?: string[];
  readonly additionalProperties?: Schema;
  readonly 'x-kubernetes-preserve-unknown-fields'?: boolean;
}

const string: Schema = { type: 'string' };
const boolean: Schema = { type: 'boolean' };
// Integer formats (int32, int64) are optional in a structural schema and left out.
const integer: Schema = { type: 'integer' };
const object = (properties: Record<string, Schema>, required?: string[]): Schema => ({ type: 'object', properties, required });
const arrayOf = (items: Schema): Schema => ({ type: 'array', items });
/** A Kubernetes type (affinity, resources, a container...) the operator passes on untouched. */
const embedded = (description: string): Schema => ({ type: 'object', description, 'x-kubernetes-preserve-unknown-fields': true });

const hook = object({ cmd: string, timeoutSeconds: integer }, ['cmd']);

/** Every field of `VerneMQ.spec` that the dojot vmq-operator reads (the original CRD's). */
const SPEC = object({
  affinity: embedded('Pod affinity of the broker pods.'),
  baseImage: string,
  bundlerBaseImage: string,
  bundlerImage: string,
  bundlerSHA: string,
  bundlerTag: string,
  bundlerVersion: string,
  config: object({
    configs: arrayOf(object({ name: string, value: string }, ['name', 'value'])),
    listeners: arrayOf(
      object(
        {
          address: string,
          maxConnections: integer,
          mountpoint: string,
          nrOfAcceptors: integer,
          port: integer,
          protocolVersions: string,
          proxyProtocol: boolean,
          tlsConfig: object(
            {
              cafile: string,
              certfile: string,
              ciphers: string,
              crlfile: string,
              keyfile: string,
              requireCertificate: boolean,
              useIdentityAsUsername: boolean,
            },
            ['cafile', 'certfile', 'keyfile'],
          ),
          useCnAsUsername: boolean,
          websocket: boolean,
        },
        ['address', 'port'],
      ),
    ),
    plugins: arrayOf(
      object({ name: string, path: string, postStart: arrayOf(hook), postStop: arrayOf(hook), preStart: arrayOf(hook), preStop: arrayOf(hook) }, [
        'name',
      ]),
    ),
  }),
  configMaps: arrayOf(string),
  containers: arrayOf(embedded('Extra containers of the broker pods.')),
  dropoutPeriodSeconds: integer,
  env: arrayOf(embedded('An environment variable of the broker container.')),
  externalPlugins: arrayOf(
    object({ applicationName: string, repoURL: string, version: string, versionType: string }, [
      'applicationName',
      'repoURL',
      'versionType',
      'version',
    ]),
  ),
  image: string,
  imagePullSecrets: arrayOf(embedded('A LocalObjectReference.')),
  nodeSelector: { type: 'object', additionalProperties: string },
  podMetadata: embedded('Labels and annotations of the broker pods.'),
  priorityClassName: string,
  resources: embedded('Resources of the broker container.'),
  secrets: arrayOf(string),
  securityContext: embedded('Pod security context.'),
  serviceAccountName: string,
  sha: string,
  size: integer,
  storage: object({ emptyDir: embedded('An EmptyDirVolumeSource.'), volumeClaimTemplate: embedded('A PersistentVolumeClaim.') }),
  tag: string,
  terminationGracePeriodSeconds: integer,
  tolerations: arrayOf(embedded('A Toleration.')),
  version: string,
  vmArgs: string,
  vmqConfig: string,
});

export const VERNEMQ_GROUP = 'vernemq.com';
export const VERNEMQ_VERSION = 'v1alpha1';
export const VERNEMQ_CRD_NAME = `vernemqs.${VERNEMQ_GROUP}`;

/**
 * The VerneMQ CustomResourceDefinition read by the vmq-operator, as `apiextensions.k8s.io/v1`
 * with a structural schema (the original's `v1beta1` was removed in Kubernetes 1.22).
 */
export class VerneMqCrd extends Construct {
  readonly resource: ApiObject;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.resource = new ApiObject(this, 'Resource', {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: VERNEMQ_CRD_NAME },
      spec: {
        group: VERNEMQ_GROUP,
        names: { kind: 'VerneMQ', listKind: 'VerneMQList', plural: 'vernemqs', singular: 'vernemq' },
        scope: 'Namespaced',
        versions: [
          {
            name: VERNEMQ_VERSION,
            served: true,
            storage: true,
            subresources: { status: {} },
            schema: {
              openAPIV3Schema: object(
                {
                  apiVersion: string,
                  kind: string,
                  metadata: { type: 'object' },
                  spec: SPEC,
                  status: object({ nodes: arrayOf(string) }, ['nodes']),
                },
                ['spec'],
              ),
            },
          },
        ],
      },
    });
  }
}
