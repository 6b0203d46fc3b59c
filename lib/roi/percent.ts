/**
 * Fractions (what the maths and the library keep: 0.025) against percents (what people
 * type and charts show: 2.5). One place for the factor, and for how a form field shows it.
 */

/** 0.025 → 2.5 */
export const toPercent = (fraction: number): number => fraction * 100;

/** 2.5 → 0.025 */
export const toFraction = (percent: number): number => percent / 100;

/** 0.025 → "2.5": a fraction as a percent field shows it, rounded to at most `digits` decimals, without trailing zeros. */
export const percentField = (fraction: number, digits: number): string => String(+toPercent(fraction).toFixed(digits));
