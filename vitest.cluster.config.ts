import { defineConfig } from 'vitest/config';

// npm run test:cluster: the rehearsals on a real control plane (test/cluster/). Not part of npm
// test: they need the control plane's binaries (Go and the module proxy build them once) and
// take minutes. Each rehearsal runs a whole control plane of its own, on ports the kernel picks.
export default defineConfig({
  test: {
    include: ['test/cluster/**/*.test.ts'],
    pool: 'forks',
    // Two rehearsals at a time, one per core: each waits on its control plane about half the time.
    maxWorkers: 2,
    minWorkers: 1,
    testTimeout: 600_000,
    hookTimeout: 3_600_000,
    globalSetup: ['test/cluster/setup/control-plane-binaries.ts'],
  },
});
