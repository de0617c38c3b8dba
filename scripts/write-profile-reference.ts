// `npm run docs`: rewrites the README's profile reference (from the JSDoc of profile/types.ts)
// and its table of images (from each component's `images`).
import * as fs from 'node:fs';
import { readmeWithImages } from './images-table';
import { README, readmeWithReference } from './profile-reference';

fs.writeFileSync(README, readmeWithImages(readmeWithReference(fs.readFileSync(README, 'utf8'))));
console.log('README.md: profile reference and images table updated');
