/**
 * Money is in the user's currency, by ISO 4217 code; there are no exchange rates (no
 * network). Display goes through Intl.NumberFormat.
 */
import { numberFormat } from '../intl';

/** The codes this browser's Intl knows (null: it cannot say), looked up on first use: content scripts load this module on every page and most never ask. */
let supported: ReadonlySet<string> | null | undefined;
function supportedCodes(): ReadonlySet<string> | null {
  if (supported !== undefined) return supported;
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  try {
    supported = intl.supportedValuesOf ? new Set(intl.supportedValuesOf('currency')) : null;
  } catch {
    supported = null;
  }
  return supported;
}

/** An ISO 4217 code's shape: three capital letters. */
export const CURRENCY_CODE = /^[A-Z]{3}$/;

export function isCurrencyCode(code: unknown): code is string {
  if (typeof code !== 'string' || !CURRENCY_CODE.test(code)) return false;
  const codes = supportedCodes();
  return codes ? codes.has(code) : true;
}

/** "$1,500.00", "1.500,00 €" — or the plain number when the code is unknown. */
export function formatMoney(value: number, currency: string, locale?: string, options: Intl.NumberFormatOptions = {}): string {
  if (!Number.isFinite(value)) return '—';
  if (!isCurrencyCode(currency)) return numberFormat(locale, { maximumFractionDigits: 2, ...options }).format(value);
  return numberFormat(locale, { style: 'currency', currency, ...options }).format(value);
}

/** Percent for display: 0.0123 → "1.23 %" in the user's locale. */
export function formatPercent(fraction: number, locale?: string, digits = 2): string {
  if (!Number.isFinite(fraction)) return '—';
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: digits }).format(fraction);
}
