import { describe, expect, test } from 'vitest';
import { dateTimeFormat, numberFormat } from '../../lib/intl';

describe('formatters made once', () => {
  test('the same locale and options give the same formatter, formatting as a new one does', () => {
    const a = numberFormat('de-DE', { maximumFractionDigits: 0 });
    expect(numberFormat('de-DE', { maximumFractionDigits: 0 })).toBe(a);
    expect(a.format(70231)).toBe(new Intl.NumberFormat('de-DE', { maximumFractionDigits: 0 }).format(70231));
    expect(numberFormat(undefined)).toBe(numberFormat(undefined));
    expect(dateTimeFormat('en', { dateStyle: 'medium' })).toBe(dateTimeFormat('en', { dateStyle: 'medium' }));
  });

  test('another locale or other options give another formatter', () => {
    expect(numberFormat('de-DE')).not.toBe(numberFormat('en-US'));
    expect(numberFormat('en', { style: 'percent' })).not.toBe(numberFormat('en'));
    expect(numberFormat('en', { style: 'percent' }).format(0.5)).toBe('50%');
  });

  test('a bad option throws as the constructor does, and nothing is kept for it', () => {
    expect(() => numberFormat('en', { style: 'currency', currency: 'NOT A CODE' })).toThrow(RangeError);
    expect(() => numberFormat('en', { style: 'currency', currency: 'NOT A CODE' })).toThrow(RangeError);
  });

  test('many styles stay correct past the cache bound', () => {
    for (let d = 0; d < 600; d++) expect(numberFormat('en', { minimumFractionDigits: d % 20, maximumFractionDigits: 20, minimumIntegerDigits: 1 + (d % 21) }).format(1)).toBe(new Intl.NumberFormat('en', { minimumFractionDigits: d % 20, maximumFractionDigits: 20, minimumIntegerDigits: 1 + (d % 21) }).format(1));
  });
});
