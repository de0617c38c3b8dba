import * as path from 'node:path';
import { defineConfig } from 'vitest/config';

// Snapshots live in one reviewed folder at the root (`__snapshots__/<test file>.snap`), so a
// changed manifest shows up as one diff in code review.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    isolate: false,






    globalSetup: ['test/setup/lb-tools.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    resolveSnapshotPath: (testPath, extension) =>
      path.join(__dirname, '__snapshots__', path.basename(testPath) + extension),
  },
});
