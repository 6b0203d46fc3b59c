/**
 * Order statistics of plain numbers: the median (the mean of the two middle values for an
 * even count) and quantiles with linear interpolation between ranks (type 7, the default of
 * R and NumPy). Inputs are not changed; an empty input has no answer (null).
 */

const sorted = (values: readonly number[]) => [...values].sort((a, b) => a - b);

/** The q-quantile (0 ≤ q ≤ 1) of `values`; null when there are none. */
export function quantile(values: readonly number[], q: number): number | null {
  if (!(q >= 0 && q <= 1)) throw new RangeError(`A quantile is between 0 and 1 (got ${q}).`);
  if (values.length === 0) return null;
  const s = sorted(values);
  const i = (s.length - 1) * q;
  const lo = Math.floor(i);
  const hi = Math.ceil(i);
  return s[lo]! + (s[hi]! - s[lo]!) * (i - lo);
}

/** The middle value of `values` (the mean of the two middle ones for an even count); null when there are none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = sorted(values);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
