import { COMPONENTS } from '../components';
import type { ComponentName } from '../contracts';

/** Who connects to whom inside the namespace: every component's `calls` (its component.ts), by server. */
export interface Connection {
  readonly to: ComponentName;
  readonly service: string;
  readonly ports: readonly string[];
  readonly from: readonly ComponentName[];
}

export const CONNECTIONS: readonly Connection[] = COMPONENTS.flatMap((c) =>
  (c.calls ?? []).map((call) => ({ ...call, to: call.to as ComponentName, from: [c.name] })),
);
