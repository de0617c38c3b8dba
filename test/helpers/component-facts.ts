import type { Component } from '../../charts/component';
import { COMPONENTS } from '../../charts/components';
import { platformContracts } from '../../charts/contracts';
import type { HealthTable } from '../../lib/container-probes';
import type { ImageSecurityTable } from '../../lib/container-security';
import type { Profile } from '../../profile/types';

const all = COMPONENTS as readonly Component[];

/** Every component's health checks (its component.ts, `health`), by workload and container. */
export function allHealthChecks(p: Profile): HealthTable {
  const contracts = platformContracts(p) as unknown as Record<string, never>;
  return Object.assign({}, ...all.map((c) => c.health?.(p, contracts[c.name]) ?? {}));
}

/** Every component's image security (its component.ts, `security`), by workload and container. */
export const ALL_IMAGE_SECURITY: ImageSecurityTable = Object.assign({}, ...all.map((c) => c.security ?? {}));
