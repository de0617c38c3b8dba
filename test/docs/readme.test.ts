import * as fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allImageLifecycles, readmeWithImages } from '../../scripts/images-table';
import { README, profileRows, readmeWithReference } from '../../scripts/profile-reference';

describe('README', () => {
  const readme = fs.readFileSync(README, 'utf8');

  it('has the profile reference of the current profile type (npm run docs)', () => {
    expect(readme).toBe(readmeWithReference(readme));
  });

  it('has the table of images of the current components (npm run docs)', () => {
    expect(allImageLifecycles().length).toBeGreaterThan(20);
    expect(readme).toBe(readmeWithImages(readme));
  });

  it('documents every field of the profile with its default', () => {
    const undocumented = profileRows().filter(
      (r) => r.type !== 'group' && r.defaultValue === '' && !r.path.startsWith('versions.') && !r.path.startsWith('optional.'),
    );
    expect(undocumented.map((r) => r.path)).toEqual([]);
  });
});
