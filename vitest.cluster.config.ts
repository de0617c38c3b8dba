import { defineConfig } from 'vitest/config';

// npm run test:cluster: the rehearsals on a real control plane (test/cluster/). Not part of npm
// test: they need the control plane's binaries (Go and the module proxy build them once) and
// take minutes. One file at a time, each rehearsal in turn: each runs a whole control plane.
export default defineConfig({
  test: {
    include: ['test/cluster/**/*.test.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 600_000,
    hookTimeout: 3_600_000,
    globalSetup: ['test/cluster/setup/control-plane-binaries.ts'],
  },
});
