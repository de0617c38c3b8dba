/** Kubernetes resource quantities as numbers: CPU in cores, memory in bytes. */

const QUANTITY = /^([0-9]+(?:\.[0-9]+)?)(m|Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)?$/;

const FACTORS: Readonly<Record<string, number>> = {
  '': 1,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

/** Whether `q` is a quantity this module reads (`250m`, `2`, `512Mi`, `4G`). */
export const isQuantity = (q: string): boolean => QUANTITY.test(q);

/** The value of a quantity in its base unit (cores, bytes). */
export function parseQuantity(q: string): number {
  const m = QUANTITY.exec(q);
  if (!m) throw new Error(`not a quantity: '${q}'`);
  return Number(m[1]) * FACTORS[m[2] ?? ''];
}

/** Bytes as GiB with two decimals, for reports. */
export const gib = (bytes: number): string => `${(bytes / 2 ** 30).toFixed(2)} GiB`;
