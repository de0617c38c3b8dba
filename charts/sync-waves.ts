import { type Component, WAVES } from './component';

export { WAVES } from './component';
import { COMPONENTS } from './components';
import type { ComponentName } from './contracts';

/** The wave of a component's objects (its component.ts says which). */
export function componentWave(c: ComponentName): number {
  return WAVES[(COMPONENTS.find((x) => x.name === c) as Component).wave];
}

/** Jobs run as Argo CD hooks in the wave of what they need done before the next (each component's `jobWaves`). */
export const JOB_WAVES: Readonly<Record<string, number>> = Object.fromEntries(
  COMPONENTS.flatMap((c) => Object.entries((c as Component).jobWaves ?? {}).map(([job, wave]) => [job, WAVES[wave]])),
);
