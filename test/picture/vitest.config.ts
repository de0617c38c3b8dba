import * as path from 'node:path';
import { defineConfig } from 'vitest/config';

// npm run test:picture: the picture (dist/topology.svg) drawn and then measured in Debian's
// headless Chromium. Not part of npm test: it needs the browser (apt-get install chromium) and
// its fonts, and each page costs a browser start.
export default defineConfig({
  root: path.join(__dirname, '..', '..'),
  test: {
    include: ['test/picture/**/*.picture.ts'],
    pool: 'forks',
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
