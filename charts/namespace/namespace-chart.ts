import { Chart } from 'cdk8s';
import { k8s } from 'cdk8s-plus-27';
import type { Construct } from 'constructs';

/** Namespaces every cluster has by nature: no Namespace object, which a prune or `kubectl delete -f dist` would delete. */
export const EXISTING_NAMESPACES = ['default'];

/** The dojot namespace; every namespaced chart depends on this one, so it is applied first. */
export class NamespaceChart extends Chart {
  constructor(scope: Construct, id: string, namespace: string) {
    super(scope, id, { disableResourceNameHashes: true });
    if (!EXISTING_NAMESPACES.includes(namespace)) new k8s.KubeNamespace(this, 'Namespace', { metadata: { name: namespace } });
  }
}
