import { isQuantity, parseQuantity } from './quantity';
import type { Problem } from './problems';
import { CONTAINER_BOUNDS } from './resources';
import { NODE_GROUPS, type Profile } from './types';

const CPU = /^([0-9]+(\.[0-9]+)?|[0-9]+m)$/;
const MEMORY = /^[0-9]+(\.[0-9]+)?(Ki|Mi|Gi|Ti|k|M|G|T)?$/;
const ON_EXCESS = ['refuse', 'warn'];
const { minCpuCores, maxCpuCores, maxMemoryBytes } = CONTAINER_BOUNDS;

/** Checks `resources` (quantities; a request within its limit) and `capacity` (the machines). */
export function validateCapacity(p: Profile): Problem[] {
  const problems: Problem[] = [];
  const fail = (path: string, message: string) => problems.push({ path, message });
  for (const [workload, containers] of Object.entries(p.resources)) {
    for (const [container, r] of Object.entries(containers)) {
      const at = `resources.${workload}.${container}`;
      if (!CPU.test(r.cpu) || parseQuantity(r.cpu) <= 0)
        fail(`${at}.cpu`, `must be a CPU quantity above 0 such as 250m or 2, got '${r.cpu}'`);
      else if (parseQuantity(r.cpu) < minCpuCores || parseQuantity(r.cpu) > maxCpuCores)
        fail(`${at}.cpu`, `must be from 1m (Kubernetes' finest CPU) to ${maxCpuCores} cores (no node has more), got '${r.cpu}'`);
      const memoryOk = (field: 'memory' | 'memoryLimit') => {
        const v = r[field];
        if (!MEMORY.test(v) || !isQuantity(v) || parseQuantity(v) <= 0) {
          fail(`${at}.${field}`, `must be a memory quantity above 0 such as 256Mi or 2Gi, got '${v}'`);
          return false;
        }
        if (parseQuantity(v) <= maxMemoryBytes) return true;
        fail(`${at}.${field}`, `must be at most 4Ti (no node has more), got '${v}'`);
        return false;
      };
      if (memoryOk('memory') && memoryOk('memoryLimit') && parseQuantity(r.memory) > parseQuantity(r.memoryLimit)) {
        fail(`${at}.memoryLimit`, `must be at least the request (${r.memory}), got '${r.memoryLimit}'`);
      }
    }
  }
  for (const g of NODE_GROUPS) {
    const m = p.capacity.machines[g];
    const at = `capacity.machines.${g}`;
    if (!Number.isInteger(m.count) || m.count < 0 || m.count > 1000)
      fail(`${at}.count`, `must be an integer from 0 (unknown) to 1000, got ${m.count}`);
    if (m.count > 0 && !(m.cores > 0)) fail(`${at}.cores`, `must be above 0 when count is set, got ${m.cores}`);
    const memoryOk = MEMORY.test(m.memory) && isQuantity(m.memory);
    if (!memoryOk) fail(`${at}.memory`, `must be a memory quantity such as 8Gi, got '${m.memory}'`);
    else if (m.count > 0 && parseQuantity(m.memory) <= 0) fail(`${at}.memory`, `must be above 0 when count is set, got '${m.memory}'`);
  }
  const reserved = p.capacity.reservedPercent;
  if (!Number.isInteger(reserved) || reserved < 0 || reserved > 90)
    fail('capacity.reservedPercent', `must be an integer from 0 to 90, got ${reserved}`);
  if (!ON_EXCESS.includes(p.capacity.onExcess))
    fail('capacity.onExcess', `must be one of ${ON_EXCESS.join(', ')}, got '${p.capacity.onExcess}'`);
  return problems;
}
