import { kongFixedPortProblems } from '../charts/kong/start-contract';
import { hostPortProblems } from '../load-balancer/host-ports';
import { missingInventoryGroups } from '../load-balancer/inventory-check';
import { withInventory } from '../profile/inventory';
import { type LoadedProfile, type ProfileInputs, loadInputs } from '../profile/load';
import { ProfileError } from '../profile/problems';

/** The profile of one synth's inputs, with its inventory's load balancer nodes; ProfileError when they do not fit. */
export function loadSettings(inputs: ProfileInputs): LoadedProfile {
  const loaded = loadInputs(inputs);
  const profile = withInventory(loaded.profile, loaded.inventory);
  // Ports the images and the load balancer fix, checked where they are written (charts, load-balancer).
  const fixedPorts = [...kongFixedPortProblems(profile.apigw), ...(loaded.inventory ? hostPortProblems(profile) : [])];
  if (fixedPorts.length) throw new ProfileError(inputs.profile || 'default', fixedPorts);
  if (loaded.inventory) {
    const missing = missingInventoryGroups(profile);
    if (missing.length) throw new ProfileError(loaded.inventory.hostsFile, missing);
  }
  return { ...loaded, profile };
}
