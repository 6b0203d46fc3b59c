/**
 * Intl formatters made once per locale and options. Making one costs far more than using it
 * (the locale's data is looked up each time): the panel drew each count through a new
 * NumberFormat, 2–3 ms of the page's main thread per load in a CPU profile of the built
 * extension (bench/overlay-late-chromium.ts, issue 18), where formatting itself is a few µs.
 * The cache is small and bounded: a page shows a handful of locales and styles.
 */
const MAX = 256;
const numbers = new Map<string, Intl.NumberFormat>();
const dates = new Map<string, Intl.DateTimeFormat>();

function made<F>(cache: Map<string, F>, locale: string | undefined, options: object | undefined, make: () => F): F {
  const key = `${locale ?? ''}|${options ? JSON.stringify(options) : ''}`;
  let f = cache.get(key);
  if (f === undefined) {
    if (cache.size >= MAX) cache.clear();
    f = make();
    cache.set(key, f);
  }
  return f;
}

/** `new Intl.NumberFormat(locale, options)`, made once (it throws as the constructor does, e.g. on a bad currency code). */
export const numberFormat = (locale: string | undefined, options?: Intl.NumberFormatOptions): Intl.NumberFormat =>
  made(numbers, locale, options, () => new Intl.NumberFormat(locale, options));

/** `new Intl.DateTimeFormat(locale, options)`, made once. */
export const dateTimeFormat = (locale: string | undefined, options?: Intl.DateTimeFormatOptions): Intl.DateTimeFormat =>
  made(dates, locale, options, () => new Intl.DateTimeFormat(locale, options));
