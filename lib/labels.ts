/** Label every dojot object carries, as in the original. */
export const APP_LABEL = { app: 'dojot' } as const;

/** The original's `app: dojot, name: <name>` labels, used as both pod labels and selectors. */
export function dojotLabels(name: string): Record<string, string> {
  return { ...APP_LABEL, name };
}
