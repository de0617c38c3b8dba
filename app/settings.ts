import { missingInventoryGroups } from '../load-balancer/inventory-check';
import { withInventory } from '../profile/inventory';
import { type LoadedProfile, type ProfileInputs, loadInputs } from '../profile/load';
import { ProfileError } from '../profile/problems';

/** The profile of one synth's inputs, with its inventory's load balancer nodes; ProfileError when they do not fit. */
export function loadSettings(inputs: ProfileInputs): LoadedProfile {
  const loaded = loadInputs(inputs);
  const profile = withInventory(loaded.profile, loaded.inventory);
  if (loaded.inventory) {
    const missing = missingInventoryGroups(profile);
    if (missing.length) throw new ProfileError(loaded.inventory.hostsFile, missing);
  }
  return { ...loaded, profile };
}
