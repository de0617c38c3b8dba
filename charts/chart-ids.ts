import { COMPONENTS } from './components';
import type { ChartedName } from './contracts';

/**
 * Each component's chart id (its component.ts): its output file's name, and the
 * `app.kubernetes.io/name` label of every pod it runs, by which the network policies name a
 * service's clients.
 */
export const CHART_IDS = Object.fromEntries(COMPONENTS.flatMap((c) => ('chartId' in c ? [[c.name, c.chartId]] : []))) as Readonly<
  Record<ChartedName, string>
>;
