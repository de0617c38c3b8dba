import type { Profile } from '../profile/types';
import { COMPONENTS } from './components';

type Components = (typeof COMPONENTS)[number];

/** The key of every component (`imageManager`), in apply order. */
export type ComponentName = Components['name'];

/** The components with a chart of their own (not the monitoring stack's). */
export type ChartedName = Extract<Components, { chartId: string }>['name'];

/** Every component's contract, by its key, each with its own type. */
export type PlatformContracts = { readonly [C in Components as C['name']]: ReturnType<C['contract']> };

/**
 * The contract of every component, deployed or not (a contract is cheap, and a chart may name
 * another component's Service whatever the flavour): by component, in apply order.
 */
export function platformContracts(p: Profile): PlatformContracts {
  let contracts = built.get(p);
  if (!contracts) {
    contracts = Object.fromEntries(COMPONENTS.map((c) => [c.name, c.contract(p)])) as PlatformContracts;
    built.set(p, contracts);
  }
  return contracts;
}

/** Built once per profile (a profile does not change once loaded), however many readers ask. */
const built = new WeakMap<Profile, PlatformContracts>();
