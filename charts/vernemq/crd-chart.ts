import { Chart } from 'cdk8s';
import type { Construct } from 'constructs';
import { VerneMqCrd } from './vernemq-crd';

/** The cluster-scoped CRDs, applied before any custom resource. */
export class CrdChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id, { disableResourceNameHashes: true });
    new VerneMqCrd(this, 'VerneMq');
  }
}
