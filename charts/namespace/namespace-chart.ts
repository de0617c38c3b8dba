import { Chart } from 'cdk8s';
import { k8s } from 'cdk8s-plus-27';
import type { Construct } from 'constructs';

/** Namespaces every cluster has by nature: no Namespace object, which a prune or `kubectl delete -f dist` would delete. */
export const EXISTING_NAMESPACES = ['default'];

/**
 * Pod Security admission: every dojot pod meets the `baseline` standard (enforced); `restricted`
 * is what they should come to (warned and audited, so that a pod that falls short says so).
 */
export const POD_SECURITY = {
  'pod-security.kubernetes.io/enforce': 'baseline',
  'pod-security.kubernetes.io/warn': 'restricted',
  'pod-security.kubernetes.io/audit': 'restricted',
} as const;

/** The dojot namespace; every namespaced chart depends on this one, so it is applied first. */
export class NamespaceChart extends Chart {
  constructor(scope: Construct, id: string, namespace: string) {
    super(scope, id, { disableResourceNameHashes: true });
    if (!EXISTING_NAMESPACES.includes(namespace))
      new k8s.KubeNamespace(this, 'Namespace', { metadata: { name: namespace, labels: POD_SECURITY } });
  }
}
