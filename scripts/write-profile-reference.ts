// `npm run docs`: rewrites the README's profile reference (from the JSDoc of profile/types.ts)
// and its table of images (from each component's `images`), and says whether anything changed.
import * as fs from 'node:fs';
import { readmeWithImages } from './images-table';
import { README, readmeWithReference } from './profile-reference';

if (process.argv.includes('--help') || process.argv.includes('-h')) {
  console.log('usage: npm run docs\n  rewrites the profile reference and the images table of README.md from the sources');
  process.exit(0);
}
const before = fs.readFileSync(README, 'utf8');
const after = readmeWithImages(readmeWithReference(before));
if (after === before) console.log('README.md: profile reference and images table already up to date');
else {
  fs.writeFileSync(README, after);
  console.log('README.md: profile reference and images table updated');
}
