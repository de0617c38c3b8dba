// `npm run docs`: rewrites the README's profile reference from the JSDoc of profile/types.ts.
import * as fs from 'node:fs';
import { README, readmeWithReference } from './profile-reference';

fs.writeFileSync(README, readmeWithReference(fs.readFileSync(README, 'utf8')));
console.log('README.md: profile reference updated');
