import * as fs from 'node:fs';
import * as path from 'node:path';
import * as YAML from 'yaml';
import { type Identity, makeCredentials, writeKubeconfig } from './credentials';
import { kwokStages } from './kwok-stages';
import { type StartedProcess, freePort, startProcess, stopProcesses, waitHealthy } from './processes';

/** The binaries of the control plane, in one folder (rehearsal/build-control-plane.sh, or --bin DIR). */
export const BINARIES = ['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'kubectl', 'kwok'] as const;
export type Binary = (typeof BINARIES)[number];

/** The annotation by which kwok knows the Nodes it plays the kubelet for. */
export const KWOK_NODE_ANNOTATION = { key: 'kwok.x-k8s.io/node', value: 'fake' } as const;

/** The file in a rehearsal's folder that lists its processes, for --stop. */
export const STATE_FILE = 'control-plane.json';

const STARTUP_MS = 90_000;

/** etcd and an API server, up: enough for a server-side dry run. */
export interface ApiServer {
  readonly dir: string;
  readonly server: string;
  readonly kubeconfig: string;
  readonly kubectl: string;
  readonly processes: readonly StartedProcess[];
}

/** A control plane: the API server with the controller manager, the scheduler and kwok. */
export type ControlPlane = ApiServer;

/** Starts processes in `dir`, recording each for --stop; ends them all when `body` fails. */
async function withProcesses<T>(
  dir: string,
  body: (started: (p: StartedProcess) => StartedProcess, processes: StartedProcess[]) => Promise<T>,
): Promise<T> {
  const processes: StartedProcess[] = [];
  const started = (p: StartedProcess) => {
    processes.push(p);
    fs.writeFileSync(path.join(dir, STATE_FILE), `${JSON.stringify({ processes }, null, 2)}\n`);
    return p;
  };
  try {
    return await body(started, processes);
  } catch (e) {
    await stopProcesses(processes);
    throw e;
  }
}

/**
 * Starts etcd and the API server `apiserver` in `dir`, on loopback and on ports the kernel
 * chose, and waits until both are healthy. The API server authenticates by bearer token,
 * authorizes with RBAC and runs its default admission plugins (PodSecurity among them).
 */
async function startEtcdAndApiServer(dir: string, bin: string, apiserver: string, started: (p: StartedProcess) => StartedProcess) {
  const credentials = makeCredentials(path.join(dir, 'pki'));
  const [etcdClient, etcdPeer, apiserverPort] = await Promise.all([freePort(), freePort(), freePort()]);
  const etcdUrl = `http://127.0.0.1:${etcdClient}`;
  const peerUrl = `http://127.0.0.1:${etcdPeer}`;
  const etcd = started(
    startProcess(dir, 'etcd', path.join(bin, 'etcd'), [
      '--name=rehearsal',
      `--data-dir=${path.join(dir, 'etcd')}`,
      `--listen-client-urls=${etcdUrl}`,
      `--advertise-client-urls=${etcdUrl}`,
      `--listen-peer-urls=${peerUrl}`,
      `--initial-advertise-peer-urls=${peerUrl}`,
      `--initial-cluster=rehearsal=${peerUrl}`,
      // A rehearsal's data lives as long as it does: no need to wait for the disk.
      '--unsafe-no-fsync',
      '--log-level=warn',
    ]),
  );
  await waitHealthy(etcd, { url: `${etcdUrl}/health` }, STARTUP_MS);

  const server = `https://127.0.0.1:${apiserverPort}`;
  const apiserverProcess = started(
    startProcess(dir, 'kube-apiserver', apiserver, [
      `--etcd-servers=${etcdUrl}`,
      '--bind-address=127.0.0.1',
      '--advertise-address=127.0.0.1',
      // The `kubernetes` Service's endpoints may not be a loopback address; nothing here reaches it.
      '--endpoint-reconciler-type=none',
      `--secure-port=${apiserverPort}`,
      `--cert-dir=${path.join(dir, 'apiserver')}`,
      `--tls-cert-file=${credentials.serverCert}`,
      `--tls-private-key-file=${credentials.serverKey}`,
      `--token-auth-file=${credentials.tokenFile}`,
      '--anonymous-auth=false',
      '--authorization-mode=RBAC',
      '--service-account-issuer=https://kubernetes.default.svc.cluster.local',
      `--service-account-key-file=${credentials.serviceAccountPublicKey}`,
      `--service-account-signing-key-file=${credentials.serviceAccountKey}`,
      '--service-cluster-ip-range=10.96.0.0/16',
    ]),
  );
  await waitHealthy(apiserverProcess, { url: `${server}/readyz`, ca: credentials.caCert, token: credentials.tokens.admin }, STARTUP_MS);
  const kubeconfig = (identity: Identity) => writeKubeconfig(path.join(dir, `${identity}.kubeconfig`), server, credentials, identity);
  return { credentials, server, kubeconfig };
}

/** etcd and the API server `apiserver` alone, for a server-side dry run. */
export function startApiServer(dir: string, bin: string, apiserver: string): Promise<ApiServer> {
  return withProcesses(dir, async (started, processes) => {
    const { server, kubeconfig } = await startEtcdAndApiServer(dir, bin, apiserver, started);
    return { dir, server, kubeconfig: kubeconfig('admin'), kubectl: path.join(bin, 'kubectl'), processes };
  });
}

/**
 * Starts etcd, kube-apiserver, kube-controller-manager, kube-scheduler and kwok in `dir`, and
 * waits until each is healthy. On failure whatever started is ended.
 */
export function startControlPlane(dir: string, bin: string): Promise<ControlPlane> {
  return withProcesses(dir, async (started, processes) => {
    const { credentials, server, kubeconfig } = await startEtcdAndApiServer(dir, bin, path.join(bin, 'kube-apiserver'), started);
    const [controllerManagerPort, schedulerPort, kwokPort] = await Promise.all([freePort(), freePort(), freePort()]);
    const admin = kubeconfig('admin');
    const delegated = (file: string) => [
      `--kubeconfig=${file}`,
      `--authentication-kubeconfig=${file}`,
      `--authorization-kubeconfig=${file}`,
    ];
    const controllerManager = started(
      startProcess(dir, 'kube-controller-manager', path.join(bin, 'kube-controller-manager'), [
        ...delegated(kubeconfig('controllerManager')),
        '--bind-address=127.0.0.1',
        `--secure-port=${controllerManagerPort}`,
        `--cert-dir=${path.join(dir, 'kube-controller-manager')}`,
        '--leader-elect=false',
        '--use-service-account-credentials=true',
        `--service-account-private-key-file=${credentials.serviceAccountKey}`,
        `--root-ca-file=${credentials.caCert}`,
        '--kube-api-qps=100',
        '--kube-api-burst=200',
      ]),
    );
    const scheduler = started(
      startProcess(dir, 'kube-scheduler', path.join(bin, 'kube-scheduler'), [
        ...delegated(kubeconfig('scheduler')),
        '--bind-address=127.0.0.1',
        `--secure-port=${schedulerPort}`,
        `--cert-dir=${path.join(dir, 'kube-scheduler')}`,
        '--leader-elect=false',
      ]),
    );
    const stages = path.join(dir, 'kwok-stages.yaml');
    fs.writeFileSync(
      stages,
      kwokStages()
        .map((s) => YAML.stringify(s))
        .join('---\n'),
    );
    const kwok = started(
      startProcess(dir, 'kwok', path.join(bin, 'kwok'), [
        `--kubeconfig=${admin}`,
        `--config=${stages}`,
        `--manage-nodes-with-annotation-selector=${KWOK_NODE_ANNOTATION.key}=${KWOK_NODE_ANNOTATION.value}`,
        '--node-lease-duration-seconds=40',
        '--cidr=10.244.0.0/16',
        `--server-address=127.0.0.1:${kwokPort}`,
      ]),
    );
    // Their own self-signed serving certificates, on loopback: not checked.
    await Promise.all([
      waitHealthy(controllerManager, { url: `https://127.0.0.1:${controllerManagerPort}/healthz` }, STARTUP_MS),
      waitHealthy(scheduler, { url: `https://127.0.0.1:${schedulerPort}/healthz` }, STARTUP_MS),
      waitHealthy(kwok, { url: `http://127.0.0.1:${kwokPort}/healthz` }, STARTUP_MS),
    ]);
    return { dir, server, kubeconfig: admin, kubectl: path.join(bin, 'kubectl'), processes };
  });
}
