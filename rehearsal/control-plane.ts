import * as fs from 'node:fs';
import * as path from 'node:path';
import * as YAML from 'yaml';
import { makeCredentials, writeKubeconfig } from './credentials';
import { kwokStages } from './kwok-stages';
import { type StartedProcess, freePort, startProcess, stopProcesses, waitHealthy } from './processes';

/** The binaries of the control plane, in one folder (rehearsal/build-control-plane.sh, or --bin DIR). */
export const BINARIES = ['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'kubectl', 'kwok'] as const;
export type Binary = (typeof BINARIES)[number];

/** The annotation by which kwok knows the Nodes it plays the kubelet for. */
export const KWOK_NODE_ANNOTATION = { key: 'kwok.x-k8s.io/node', value: 'fake' } as const;

/** A running control plane: where it lives, how to reach it, what it started. */
export interface ControlPlane {
  readonly dir: string;
  readonly server: string;
  /** The administrator's kubeconfig: kubectl's and the rehearsal's. */
  readonly kubeconfig: string;
  readonly kubectl: string;
  readonly processes: readonly StartedProcess[];
}

/** The file in a rehearsal's folder that lists its processes, for --stop. */
export const STATE_FILE = 'control-plane.json';

const STARTUP_MS = 90_000;

/**
 * Starts etcd, kube-apiserver, kube-controller-manager, kube-scheduler and kwok in `dir`, every
 * one on loopback and on a port the kernel chose, and waits until each is healthy. The API server
 * authenticates by bearer token, authorizes with RBAC and runs its default admission plugins
 * (PodSecurity among them). On failure whatever started is ended.
 */
export async function startControlPlane(dir: string, bin: string): Promise<ControlPlane> {
  const binary = (name: Binary) => path.join(bin, name);
  const processes: StartedProcess[] = [];
  const record = () => fs.writeFileSync(path.join(dir, STATE_FILE), `${JSON.stringify({ processes }, null, 2)}\n`);
  const started = (p: StartedProcess) => {
    processes.push(p);
    record();
    return p;
  };
  try {
    const credentials = makeCredentials(path.join(dir, 'pki'));
    const [etcdClient, etcdPeer, apiserverPort, controllerManagerPort, schedulerPort, kwokPort] = await Promise.all(
      Array.from({ length: 6 }, () => freePort()),
    );

    const etcdUrl = `http://127.0.0.1:${etcdClient}`;
    const peerUrl = `http://127.0.0.1:${etcdPeer}`;
    const etcd = started(
      startProcess(dir, 'etcd', binary('etcd'), [
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
    const apiserver = started(
      startProcess(dir, 'kube-apiserver', binary('kube-apiserver'), [
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
        `--service-account-issuer=https://kubernetes.default.svc.cluster.local`,
        `--service-account-key-file=${credentials.serviceAccountPublicKey}`,
        `--service-account-signing-key-file=${credentials.serviceAccountKey}`,
        '--service-cluster-ip-range=10.96.0.0/16',
      ]),
    );
    await waitHealthy(apiserver, { url: `${server}/readyz`, ca: credentials.caCert, token: credentials.tokens.admin }, STARTUP_MS);

    const kubeconfig = (identity: 'admin' | 'controllerManager' | 'scheduler') =>
      writeKubeconfig(path.join(dir, `${identity}.kubeconfig`), server, credentials, identity);
    const admin = kubeconfig('admin');
    const delegated = (file: string) => [`--kubeconfig=${file}`, `--authentication-kubeconfig=${file}`, `--authorization-kubeconfig=${file}`];

    const controllerManagerConfig = kubeconfig('controllerManager');
    const controllerManager = started(
      startProcess(dir, 'kube-controller-manager', binary('kube-controller-manager'), [
        ...delegated(controllerManagerConfig),
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
    const schedulerConfig = kubeconfig('scheduler');
    const scheduler = started(
      startProcess(dir, 'kube-scheduler', binary('kube-scheduler'), [
        ...delegated(schedulerConfig),
        '--bind-address=127.0.0.1',
        `--secure-port=${schedulerPort}`,
        `--cert-dir=${path.join(dir, 'kube-scheduler')}`,
        '--leader-elect=false',
      ]),
    );
    const stages = path.join(dir, 'kwok-stages.yaml');
    fs.writeFileSync(stages, kwokStages().map((s) => YAML.stringify(s)).join('---\n'));
    const kwok = started(
      startProcess(dir, 'kwok', binary('kwok'), [
        `--kubeconfig=${admin}`,
        `--config=${stages}`,
        `--manage-nodes-with-annotation-selector=${KWOK_NODE_ANNOTATION.key}=${KWOK_NODE_ANNOTATION.value}`,
        '--node-lease-duration-seconds=40',
        '--cidr=10.244.0.0/16',
        `--server-address=127.0.0.1:${kwokPort}`,
      ]),
    );
    await Promise.all([
      waitHealthy(controllerManager, { url: `https://127.0.0.1:${controllerManagerPort}/healthz` }, STARTUP_MS),
      waitHealthy(scheduler, { url: `https://127.0.0.1:${schedulerPort}/healthz` }, STARTUP_MS),
      waitHealthy(kwok, { url: `http://127.0.0.1:${kwokPort}/healthz` }, STARTUP_MS),
    ]);
    return { dir, server, kubeconfig: admin, kubectl: binary('kubectl'), processes };
  } catch (e) {
    await stopProcesses(processes);
    throw e;
  }
}
