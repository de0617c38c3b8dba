/**
 * The stages kwok plays in the kubelet's place (its Stage API, kwok.x-k8s.io/v1alpha1): a Node
 * becomes Ready and keeps its lease; a scheduled pod becomes Running and Ready with every
 * container started; a Job's pod then Succeeds; a pod being deleted goes away. kwok's controller
 * has no stage of its own when run alone (kwokctl passes its defaults with --config), so these are
 * ours, written from the Stage API's fields (sigs.k8s.io/kwok v0.8.0, pkg/apis/v1alpha1/stage_types.go)
 * and the template functions it offers (Now, Quote, NodeConditions, NodeIPsWith, PodIPsWith).
 */

/** A kwok Stage: which objects it selects (jq expressions on their fields) and what it makes of them. */
interface Stage {
  readonly apiVersion: 'kwok.x-k8s.io/v1alpha1';
  readonly kind: 'Stage';
  readonly metadata: { readonly name: string };
  readonly spec: {
    readonly resourceRef: { readonly apiGroup: 'v1'; readonly kind: 'Node' | 'Pod' };
    readonly selector: { readonly matchExpressions: readonly { key: string; operator: string; values?: string[] }[] };
    readonly delay?: { readonly durationMilliseconds: number; readonly jitterDurationMilliseconds?: number };
    readonly next: { readonly statusTemplate?: string; readonly delete?: boolean };
  };
}

const stage = (name: string, kind: 'Node' | 'Pod', spec: Omit<Stage['spec'], 'resourceRef'>): Stage => ({
  apiVersion: 'kwok.x-k8s.io/v1alpha1',
  kind: 'Stage',
  metadata: { name },
  spec: { resourceRef: { apiGroup: 'v1', kind }, ...spec },
});

const READY = '.status.conditions.[] | select( .type == "Ready" ) | .status';

/** The node's conditions as a kubelet reports a healthy node (kwok's NodeConditions), stamped now. */
const NODE_CONDITIONS = `{{ $now := Now }}
conditions:
{{ range NodeConditions }}
- type: {{ .type | Quote }}
  status: {{ .status | Quote }}
  reason: {{ .reason | Quote }}
  message: {{ .message | Quote }}
  lastHeartbeatTime: {{ $now | Quote }}
  lastTransitionTime: {{ $now | Quote }}
{{ end }}`;

/** A Node we create carries its capacity and allocatable in its status; the stage keeps them. */
const NODE_READY = `${NODE_CONDITIONS}
nodeInfo:
  architecture: amd64
  operatingSystem: linux
  kubeletVersion: {{ printf "kwok-%s" Version | Quote }}
  containerRuntimeVersion: {{ printf "kwok-%s" Version | Quote }}
  kernelVersion: ""
  kubeProxyVersion: ""
  osImage: ""
  machineID: ""
  systemUUID: ""
  bootID: ""
phase: Running`;

const POD_RUNNING = `{{ $now := Now }}
conditions:
- { type: Initialized, status: "True", lastTransitionTime: {{ $now | Quote }} }
- { type: ContainersReady, status: "True", lastTransitionTime: {{ $now | Quote }} }
- { type: Ready, status: "True", lastTransitionTime: {{ $now | Quote }} }
initContainerStatuses:
{{ range .spec.initContainers }}
- name: {{ .name | Quote }}
  image: {{ .image | Quote }}
  ready: true
  restartCount: 0
  state: { terminated: { exitCode: 0, reason: Completed, startedAt: {{ $now | Quote }}, finishedAt: {{ $now | Quote }} } }
{{ end }}
containerStatuses:
{{ range .spec.containers }}
- name: {{ .name | Quote }}
  image: {{ .image | Quote }}
  ready: true
  started: true
  restartCount: 0
  state: { running: { startedAt: {{ $now | Quote }} } }
{{ end }}
{{ with NodeIPsWith .spec.nodeName }}
hostIP: {{ index . 0 | Quote }}
{{ end }}
{{ with PodIPsWith .spec.nodeName ( or .spec.hostNetwork false ) ( or .metadata.uid "" ) ( or .metadata.name "" ) ( or .metadata.namespace "" ) }}
podIP: {{ index . 0 | Quote }}
podIPs:
{{ range . }}
- ip: {{ . | Quote }}
{{ end }}
{{ end }}
phase: Running
startTime: {{ $now | Quote }}`;

const POD_SUCCEEDED = `{{ $now := Now }}
conditions:
- { type: Ready, status: "False", reason: PodCompleted, lastTransitionTime: {{ $now | Quote }} }
- { type: ContainersReady, status: "False", reason: PodCompleted, lastTransitionTime: {{ $now | Quote }} }
containerStatuses:
{{ range .spec.containers }}
- name: {{ .name | Quote }}
  image: {{ .image | Quote }}
  ready: false
  started: false
  restartCount: 0
  state: { terminated: { exitCode: 0, reason: Completed, startedAt: {{ $now | Quote }}, finishedAt: {{ $now | Quote }} } }
{{ end }}
phase: Succeeded`;

/** How long a deleted pod stays terminating. */
export const POD_STOP_MS = 3_000;

/** The stages, in the order kwok is given them. */
export function kwokStages(): Stage[] {
  return [
    stage('node-ready', 'Node', {
      selector: { matchExpressions: [{ key: READY, operator: 'NotIn', values: ['True'] }] },
      next: { statusTemplate: NODE_READY },
    }),
    // With --node-lease-duration-seconds kwok renews each Node's Lease itself; the conditions
    // are refreshed now and then so that they never look stale.
    stage('node-heartbeat', 'Node', {
      selector: { matchExpressions: [{ key: READY, operator: 'In', values: ['True'] }] },
      delay: { durationMilliseconds: 20_000, jitterDurationMilliseconds: 25_000 },
      next: { statusTemplate: NODE_CONDITIONS },
    }),
    stage('pod-running', 'Pod', {
      selector: {
        matchExpressions: [
          { key: '.metadata.deletionTimestamp', operator: 'DoesNotExist' },
          { key: '.status.phase', operator: 'In', values: ['Pending'] },
        ],
      },
      next: { statusTemplate: POD_RUNNING },
    }),
    stage('job-pod-succeeded', 'Pod', {
      selector: {
        matchExpressions: [
          { key: '.metadata.deletionTimestamp', operator: 'DoesNotExist' },
          { key: '.status.phase', operator: 'In', values: ['Running'] },
          { key: '.metadata.ownerReferences.[].kind', operator: 'In', values: ['Job'] },
        ],
      },
      next: { statusTemplate: POD_SUCCEEDED },
    }),
    // A kubelet takes a moment to stop a pod's containers before the pod goes away; so does kwok
    // here. Gone at once, a StatefulSet's pod can be recreated, under the same name, before the
    // disruption controller has seen it terminating: that controller keeps evicted pods by name
    // (k8s.io/kubernetes v1.37.2, pkg/controller/disruption/disruption.go, countHealthyPods and
    // buildDisruptedPodMap), so it then counts the new pod as still being evicted for its
    // DeletionTimeout (2 min), and every drain under that budget stalls. kwok's own pod-delete
    // stage (kustomize/stage/pod/general/pod-delete.yaml) waits too, 1 s at least.
    stage('pod-deleted', 'Pod', {
      selector: { matchExpressions: [{ key: '.metadata.deletionTimestamp', operator: 'Exists' }] },
      delay: { durationMilliseconds: POD_STOP_MS },
      next: { delete: true },
    }),
  ];
}
