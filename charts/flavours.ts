import type { ComponentContract } from '../lib/contract';
import type { Profile } from '../profile/types';
import { isDeployed } from './component';
import { COMPONENTS } from './components';
import { type ComponentName, platformContracts } from './contracts';

/** The components the profile deploys (each component's `deployedBy`), in apply order. */
export function deployedComponents(p: Profile): ComponentName[] {
  return COMPONENTS.filter((c) => isDeployed(c, p)).map((c) => c.name);
}

/** The contracts of the components the profile deploys (its flavour and toggles), in apply order. */
export function deployedContracts(p: Profile): ComponentContract[] {
  const all = platformContracts(p);
  const deployed = new Set(deployedComponents(p));
  return (Object.keys(all) as ComponentName[]).filter((c) => deployed.has(c)).map((c) => all[c]);
}
