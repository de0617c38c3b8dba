// Wiring only: resolve the profile, synthesize into cdk8s's scratch folder, then publish to dist/.
import { failSynth } from './app/fail';
import { publish } from './app/publish';
import { synthesize } from './app/synthesize';
import { withInventory } from './profile/inventory';
import { loadProfile } from './profile/load';
import { ProfileError } from './profile/problems';

const staging = process.env.CDK8S_OUTDIR ?? '.cdk8s.out';
const target = process.env.DOJOT_DIST ?? 'dist';

try {
  const { profile: loaded, source, notices } = loadProfile(process.env.DOJOT_PROFILE || 'default');
  const profile = withInventory(loaded, process.env.DOJOT_INVENTORY);
  for (const n of notices) console.error(`note: ${n}`);
  for (const n of synthesize(profile, staging)) console.error(`note: ${n}`);
  publish(staging, target);
  console.error(`dojot: ${profile.flavour} flavour, profile ${source} -> ${target}/`);
} catch (e) {
  if (!(e instanceof ProfileError)) throw e;
  failSynth(e.message, target);
}
