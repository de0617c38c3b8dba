import { k8s } from 'cdk8s-plus-27';
import type { Construct } from 'constructs';
import { DojotChart, type DojotChartProps } from '../../lib/dojot-chart';
import { DojotDeployment } from '../../lib/workloads';
import { VERNEMQ_GROUP } from './vernemq-crd';

export interface VmqOperatorChartProps extends DojotChartProps {
  /** Tag of dojot/vmq-operator-dojot. */
  readonly operatorVersion: string;
  /** Create the operator's Role and RoleBinding. */
  readonly rbac: boolean;
}

const NAME = 'vmq-operator';

/** The vmq-operator, which turns the VerneMQ resource into the broker StatefulSet. */
export class VmqOperatorChart extends DojotChart {
  constructor(scope: Construct, id: string, { operatorVersion, rbac, ...props }: VmqOperatorChartProps) {
    super(scope, id, props);
    const selector = { 'app.kubernetes.io/component': 'controller', 'app.kubernetes.io/name': NAME };
    const labels = { ...selector, 'app.kubernetes.io/version': 'latest' };

    new k8s.KubeServiceAccount(this, 'ServiceAccount', { metadata: { name: NAME, labels } });
    if (rbac) {
      new k8s.KubeRole(this, 'Role', {
        metadata: { name: NAME, labels },
        rules: [
          { apiGroups: ['monitoring.coreos.com'], resources: ['servicemonitors'], verbs: ['get', 'create'] },
          { apiGroups: ['apps'], resources: ['deployments', 'statefulsets'], verbs: ['*'] },
          { apiGroups: [''], resources: ['services', 'configmaps', 'secrets'], verbs: ['*'] },
          { apiGroups: [''], resources: ['pods'], verbs: ['get', 'list', 'delete'] },
          { apiGroups: [''], resources: ['namespaces'], verbs: ['get'] },
          { apiGroups: [VERNEMQ_GROUP], resources: ['*'], verbs: ['*'] },
        ],
      });
      new k8s.KubeRoleBinding(this, 'RoleBinding', {
        metadata: { name: NAME, labels },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: NAME },
        subjects: [{ kind: 'ServiceAccount', name: NAME }],
      });
    }
    new DojotDeployment(this, 'Deployment', {
      name: NAME,
      metadataLabels: labels,
      labels,
      selector,
      placement: this.placement,
      spec: {
        nodeSelector: { 'kubernetes.io/os': 'linux' },
        securityContext: { runAsNonRoot: true, runAsUser: 65534 },
        serviceAccountName: NAME,
      },
      containers: [
        {
          name: NAME,
          image: `dojot/vmq-operator-dojot:${operatorVersion}`,
          env: [
            { name: 'WATCH_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } },
            { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
            { name: 'OPERATOR_NAME', value: NAME },
          ],
        },
      ],
    });
  }
}
