import * as path from 'node:path';
import { defineConfig } from 'vitest/config';

// Snapshots live in one reviewed folder at the root (`__snapshots__/<test file>.snap`, and the
// outputs' own files in `__snapshots__/outputs/`), so a changed manifest shows up as one diff in
// code review.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The rehearsals on a real control plane: npm run test:cluster (vitest.cluster.config.ts).
    exclude: ['test/cluster/**', '**/node_modules/**'],
    // One process per worker, each importing cdk8s once for all its files (isolate: false), and
    // one worker more than this machine's 2 cores: the end-to-end suites mostly wait on HAProxy
    // and the brokers, and the other files run meanwhile.
    pool: 'forks',
    isolate: false,
    maxWorkers: 3,
    // All three from the start: with isolate off, a worker the pool stops early fails the run.
    minWorkers: 3,
    globalSetup: ['test/setup/lb-tools.ts', 'test/setup/synth-cache.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    resolveSnapshotPath: (testPath, extension) => path.join(__dirname, '__snapshots__', path.basename(testPath) + extension),
  },
});
