import { Chart } from 'cdk8s';
import { k8s } from 'cdk8s-plus-27';
import type { Construct } from 'constructs';

/** The dojot namespace; every namespaced chart depends on this one, so it is applied first. */
export class NamespaceChart extends Chart {
  constructor(scope: Construct, id: string, namespace: string) {
    super(scope, id, { disableResourceNameHashes: true });
    new k8s.KubeNamespace(this, 'Namespace', { metadata: { name: namespace } });
  }
}
