import { COMPONENTS } from './components';
import type { ComponentName } from './contracts';

/** Each chart's role in the platform: the `app.kubernetes.io/component` label (a component's own in its component.ts). */
export const COMPONENT_ROLES: Readonly<Record<ComponentName | 'namespace' | 'storage' | 'networkPolicies', string>> = {
  namespace: 'namespace',
  storage: 'storage',
  networkPolicies: 'network-policy',
  ...(Object.fromEntries(COMPONENTS.map((c) => [c.name, c.role])) as Record<ComponentName, string>),
};
