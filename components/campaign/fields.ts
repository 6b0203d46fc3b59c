/** The campaign forms' text fields to stored values and back. */

/** A stored day (UTC midnight) as a date input's value; '' for none. */
export const dayInput = (t: number | null) => (t === null ? '' : new Date(t).toISOString().slice(0, 10));

/** A date input's value as UTC midnight of that day; null when empty. */
export const fromDayInput = (v: string) => (v ? Date.parse(`${v}T00:00:00Z`) : null);

/** A typed number, "12,5" or "12.5"; null when empty, NaN when it is not a number (for the form to refuse). */
export const numOrNull = (v: string): number | null => (v.trim() === '' ? null : Number(v.replace(',', '.')));
