/**
 * What a container's start path reads, each fact with the file of the image's repository (at the
 * tag v0.6.0 deploys) it was read in. test/charts/start-contracts.test.ts holds every flavour's
 * synthesized containers to it: a variable without a safe default is set, a credential comes from
 * a Secret `npm run secrets` makes, a peer's address is that Service's and a NetworkPolicy lets
 * the connection in.
 */
export interface StartContract {
  /** What it runs at start, and where that is written (Dockerfile, package.json, entrypoint). */
  readonly runs: string;
  readonly source: string;
  readonly env: readonly StartVariable[];
  /** Files it reads at start that the image does not ship: each must be mounted. */
  readonly files?: readonly StartFile[];
  /** Peers it reaches at an address its source fixes (no variable names it): a NetworkPolicy must let each in. */
  readonly peers?: readonly StartPeer[];
  /** The binaries its exec probes run, and the image file that ships each (they cannot be run here). */
  readonly probeBinaries?: readonly { readonly binary: string; readonly source: string }[];
}

/** A file the start path reads, from a volume. */
export interface StartFile {
  readonly path: string;
  readonly source: string;
}

/** A connection at a fixed address, by component, Service and port role. */
export interface StartPeer {
  readonly to: string;
  readonly service: string;
  readonly port: string;
  readonly source: string;
}

/** A variable the start path reads. */
export interface StartVariable {
  readonly name: string;
  /** The file (and function or line) that reads it. */
  readonly source: string;
  /** Its value when unset, and whether that value works in this platform. None: it must be set. */
  readonly default?: { readonly value: string; readonly safe: boolean };
  /**
   * A credential: read from a Secret's key, never a literal; from one `npm run secrets` makes, or
   * (`optional`) from an optional Secret the user makes by hand, without which the default holds.
   */
  readonly credential?: true | 'optional';
  /** The address of a peer, by component, Service and port role: the host, the port or an `http://host` URL. */
  readonly peer?: { readonly to: string; readonly service: string; readonly port: string; readonly part: 'host' | 'port' | 'url' };
  /** The port it listens on, by its own Service and port role: the container's port (the Service's target). */
  readonly listens?: { readonly service: string; readonly port: string };
  /** Its value must be exactly this (a fixed fact of the platform, such as a database name). */
  readonly value?: string;
}

/** Per workload, per container. */
export type StartContractTable = { readonly [workload: string]: { readonly [container: string]: StartContract } };

/** A default that works in this platform. */
export const safe = (value: string) => ({ value, safe: true });

/** A default that does not: the variable must be set. */
export const unsafe = (value: string) => ({ value, safe: false });
