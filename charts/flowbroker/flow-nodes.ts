import type { k8s } from 'cdk8s-plus-27';

/**
 * What flowbroker does with the Kubernetes API (DEPLOY_ENGINE=kubernetes), from dojot/flowbroker
 * v0.6.0 `orchestrator/nodes/kubernetesRemoteNode/index.js`, its only caller of the API:
 * - list Deployments (`deployments('').get()`: a GET on the collection, before each create/remove);
 * - create a Deployment and then its Service (`deployments.post`, `services.post`);
 * - scale a Deployment to 0 (`deployments(name).patch`), then delete it and its Service.
 * No get by name, no watch, no pods: the v0.6.0 Role's `get` and the Service's list/patch go unused.
 */
export const FLOW_NODE_RULES: k8s.PolicyRule[] = [
  { apiGroups: ['apps'], resources: ['deployments'], verbs: ['list', 'create', 'patch', 'delete'] },
  { apiGroups: [''], resources: ['services'], verbs: ['create', 'delete'] },
];

/**
 * The flow nodes flowbroker creates (same file): Deployment and Service `flownode-<tenant><node id>`,
 * labelled `app: flowbroker, name: flownode-…` (pods too), the Service selecting `name` only, on
 * TCP 5555 (ZeroMQ; the container port is misnamed `amqp`). Always in namespace `dojot`: the
 * namespace is hard-coded there, whatever `dojot_namespace` says.
 */
export const FLOW_NODE_NAMESPACE = 'dojot';
/** The labels flowbroker gives every flow node's pods (kubernetesRemoteNode/index.js). */
export const FLOW_NODE_LABELS = { app: 'flowbroker' } as const;
/** The port each flow node listens on for flowbroker (ZeroMQ). */
export const FLOW_NODE_PORT = 5555;
