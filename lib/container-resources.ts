import { k8s } from 'cdk8s-plus-27';
import type { ContainerResources } from '../profile/resources';

const q = (v: string) => k8s.Quantity.fromString(v);

/** The Kubernetes form of a table entry: requests for both, a limit for memory only. */
export const resourceRequirements = (r: ContainerResources): k8s.ResourceRequirements => ({
  requests: { cpu: q(r.cpu), memory: q(r.memory) },
  limits: { memory: q(r.memoryLimit) },
});
