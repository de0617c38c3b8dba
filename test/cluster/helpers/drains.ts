// What the drain tests check of a report: its account against kubectl's own table.
import { expect } from 'vitest';
import { DRAIN_TIMEOUT_S, type DrainResult } from '../../../rehearsal/drain';

/** The pods of a `kubectl get pods,pvc -A -o wide` table: name, status and node. */
export function podsOf(snapshot: string): { pod: string; status: string; node: string }[] {
  const lines = snapshot.split('\n');
  const header = lines.findIndex((l) => /^NAMESPACE\s+NAME\s+READY\s+STATUS/.test(l));
  expect(header, snapshot).toBeGreaterThanOrEqual(0);
  const columns = lines[header].split(/\s{2,}/);
  const rows = [];
  for (const line of lines.slice(header + 1)) {
    if (!line.trim() || /^NAMESPACE\s/.test(line)) break;
    const cells = line.split(/\s+/);
    // NAMESPACE NAME READY STATUS RESTARTS AGE IP NODE ...; RESTARTS may read "1 (5s ago)".
    const node = cells[cells.length - 3];
    // Two kinds at once: kubectl names each row kind/name.
    rows.push({ pod: `${cells[0]}/${cells[1].replace(/^pod\//, '')}`, status: cells[columns.indexOf('STATUS')], node });
  }
  return rows;
}

/** The report's account of a drain against kubectl's table taken at that moment. */
function expectTrueToKubectl(d: DrainResult) {
  const table = podsOf(d.snapshot);
  expect(
    table
      .filter((p) => p.status === 'Pending')
      .map((p) => p.pod)
      .sort(),
    `${d.node}: Pending pods`,
  ).toEqual(d.pending.map((p) => p.pod));
  for (const moved of d.rescheduled) expect(table.find((p) => p.pod === moved.pod)?.node, moved.pod).toBe(moved.node);
}

/** Every drain completed within its bound, each evicted something, and its account is kubectl's. */
export function expectDrained(drains: readonly DrainResult[] | undefined, nodes: readonly string[]) {
  expect(drains?.map((d) => d.node)).toEqual(nodes);
  for (const d of drains ?? []) {
    expect(d.completed, `${d.node}: ${d.message}`).toBe(true);
    expect(d.seconds).toBeLessThan(DRAIN_TIMEOUT_S);
    expect(d.evicted.length, d.node).toBeGreaterThan(0);
    expectTrueToKubectl(d);
  }
}

export const GUIDE_DRAINS = ['dojot-1', 'kafka-1', 'x509-1', 'vernemq-1'];
