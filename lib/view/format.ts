/** Number formats of the extension pages, in the browser's language. */
import { formatMoney, formatPercent } from '../roi/money';

const locale = () => (typeof navigator === 'undefined' ? undefined : navigator.language);

/** "2.63M", "3.2K", "812": at most 3 significant digits, never more precise than the page. */
export const compact = (n: number | null | undefined): string =>
  n === null || n === undefined ? '—' : new Intl.NumberFormat(locale(), { notation: 'compact', maximumSignificantDigits: 3 }).format(n);

export const whole = (n: number | null | undefined): string => (n === null || n === undefined ? '—' : new Intl.NumberFormat(locale(), { maximumFractionDigits: 0 }).format(n));

export const pct = (n: number | null | undefined, digits = 2): string => (n === null || n === undefined ? '—' : formatPercent(n, locale(), digits));

export const signedPct = (n: number | null | undefined, digits = 0): string => (n === null || n === undefined ? '—' : `${n > 0 ? '+' : n < 0 ? '−' : '±'}${formatPercent(Math.abs(n), locale(), digits)}`);

/** An amount in its currency: cents below 100, whole units above; "—" when unknown. */
export const money = (v: number | null | undefined, currency: string, lang = locale()): string =>
  v === null || v === undefined ? '—' : formatMoney(v, currency, lang, { maximumFractionDigits: Math.abs(v) < 100 ? 2 : 0 });

export const date = (t: number, style: 'medium' | 'short' = 'medium'): string => new Intl.DateTimeFormat(locale(), { dateStyle: style }).format(t);
export const dateTime = (t: number): string => new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(t);

/** "followers" → "Followers" (the platforms' words are kept lower-case, lib/sites/platforms.ts). */
export const capital = (word: string): string => (word ? word[0]!.toUpperCase() + word.slice(1) : word);
