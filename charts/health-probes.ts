import type { HealthTable } from '../lib/container-probes';
import type { Profile } from '../profile/types';
import type { Component } from './component';
import { COMPONENTS } from './components';
import type { PlatformContracts } from './contracts';

export type { HealthChecks, HealthEntry, HealthTable, NoHealthCheck, OwnHealthChecks } from '../lib/container-probes';

/**
 * The health checks of every workload the platform may deploy, each component's own (its
 * component.ts, `health`), by workload and container (tests check that none is missing).
 */
export function healthTable(p: Profile, c: PlatformContracts): HealthTable {
  return Object.assign({}, ...COMPONENTS.map((x) => (x as Component).health?.(p, c[x.name] as never) ?? {})) as HealthTable;
}
