/**
 * Number formats of every surface — the panel, the popup and the dashboard — so one figure
 * reads the same in all three: counts exact with every digit, or "≈" and abbreviated when
 * the page gave only an abbreviation; one currency style (Intl's for the locale); one minus
 * sign (−) and signed ranges ("−29 % to +205 %"). The locale is the browser's unless given
 * (the panel passes the page's).
 */
import { formatMoney, formatPercent } from '../roi/money';
import { numberFormat, dateTimeFormat } from '../intl';

const locale = () => (typeof navigator === 'undefined' ? undefined : navigator.language);

/** "2.63M", "3.2K", "812": at most 3 significant digits, for a figure that is itself rounded (use `count` for a page's count). */
export const compact = (n: number | null | undefined, lang = locale()): string =>
  n === null || n === undefined ? '—' : numberFormat(lang, { notation: 'compact', maximumSignificantDigits: 3 }).format(n);

/**
 * A count as the page gave it: exact with every digit ("70,231"; "70.231" in German, never
 * "70.200"), or "≈1.23M" when the page showed only an abbreviation. Never more precise than the page.
 */
export const count = (n: number | null | undefined, exact: boolean, lang = locale()): string =>
  n === null || n === undefined ? '—' : exact ? numberFormat(lang, { maximumFractionDigits: 0 }).format(n) : `≈${compact(n, lang)}`;

export const whole = (n: number | null | undefined, lang = locale()): string => (n === null || n === undefined ? '—' : numberFormat(lang, { maximumFractionDigits: 0 }).format(n));

/** A plain number with at most `digits` decimals ("2.67", "2,67"): never a raw float. */
export const decimal = (n: number | null | undefined, digits = 2, lang = locale()): string => (n === null || n === undefined ? '—' : numberFormat(lang, { maximumFractionDigits: digits }).format(n));

export const pct = (n: number | null | undefined, digits = 2, lang = locale()): string => (n === null || n === undefined ? '—' : formatPercent(n, lang, digits));

/** "+51 %", "−29 %", "±0 %": the sign always shown, with the true minus sign. */
export const signedPct = (n: number | null | undefined, digits = 0, lang = locale()): string => {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  const shown = formatPercent(Math.abs(n), lang, digits);
  // The sign of what is shown: −0.4 % at 0 digits is "±0 %", not "−0 %".
  const zero = Math.round(Math.abs(n) * 100 * 10 ** digits) === 0;
  return `${zero ? '±' : n > 0 ? '+' : '−'}${shown}`;
};

/** "−29 % to +205 %": a signed range, the same words everywhere. */
export const signedRange = (low: number | null | undefined, high: number | null | undefined, digits = 0, lang = locale()): string =>
  low === null || low === undefined || high === null || high === undefined ? '—' : `${signedPct(low, digits, lang)} to ${signedPct(high, digits, lang)}`;

/** An amount in its currency: cents below 100, whole units above; "—" when unknown. */
export const money = (v: number | null | undefined, currency: string, lang = locale()): string =>
  v === null || v === undefined ? '—' : formatMoney(v, currency, lang, { maximumFractionDigits: Math.abs(v) < 100 ? 2 : 0 });

/** "1.95×" in English, "1,95×" in German. */
export const times = (v: number | null | undefined, lang = locale()): string => (v === null || v === undefined || !Number.isFinite(v) ? '—' : `${numberFormat(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(v)}×`);

export const date = (t: number, style: 'medium' | 'short' = 'medium'): string => dateTimeFormat(locale(), { dateStyle: style }).format(t);
export const dateTime = (t: number): string => dateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(t);

/** "followers" → "Followers" (the platforms' words are kept lower-case, lib/sites/platforms.ts). */
export const capital = (word: string): string => (word ? word[0]!.toUpperCase() + word.slice(1) : word);
