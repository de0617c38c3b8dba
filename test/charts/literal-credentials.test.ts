// No credential written as a literal value: environment variables from Secrets, none of the original's literal defaults.
import { describe, expect, it } from 'vitest';
import { FULL_PLATFORM_WORKLOADS } from '../helpers/workload-lists';
import { podSpec, profileOf, synth } from '../helpers/synth';

const WORKLOADS = FULL_PLATFORM_WORKLOADS;

describe('literal credentials (default profile: vernemq flavour)', () => {
  const out = synth(profileOf('default'));

  it('writes no credential as a literal value', () => {
    for (const [kind, name] of WORKLOADS) {
      for (const c of podSpec(out.find(kind, name)).containers) {
        for (const e of c.env ?? [])
          if (/KEY|PASS|PWD|SECRET|USER|CRYPTO/i.test(e.name)) expect(e.value, `${name}: ${e.name}`).toBeUndefined();
      }
    }
    const files = Object.keys(out.files).filter((f) => /-(minio|image-manager|device-manager)\.k8s\.yaml$/.test(f));
    expect(files).toHaveLength(3);
    const text = files.map((f) => out.files[f]).join('\n');
    // The original's literal defaults (roles/minio, image-manager and device-manager defaults).
    for (const word of ['9HEODSF6WQN5EZ39DM7Z', 'fT5nAgHR9pkj0yYsBdc4p', 'kamehameHA', '1234567890123456', 'shuriken'])
      expect(text).not.toContain(word);
  });
});
