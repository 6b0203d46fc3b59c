/**
 * Format of the unit words (lib/sites/words.ts), in the manner of Dark Reader's config
 * tests: the data is checked for what the code relies on. `hasWord` lower-cases the page's
 * text and looks for each word inside it, so a word with an upper-case letter, stray
 * spaces or a second copy is dead weight or a typo.
 */
import { describe, expect, test } from 'vitest';
import * as words from '../../lib/sites/words';

const LISTS = Object.entries(words).filter((entry): entry is [string, string[]] => Array.isArray(entry[1]));

test('words.ts exports its lists (and nothing else)', () => {
  expect(LISTS.map(([name]) => name).sort()).toEqual(Object.keys(words).sort());
  expect(LISTS.length).toBeGreaterThanOrEqual(8);
});

describe.each(LISTS)('%s', (_name, list) => {
  test('every word is a non-empty lower-case string without surrounding spaces', () => {
    for (const word of list) {
      expect(typeof word, String(word)).toBe('string');
      expect(word.length, JSON.stringify(word)).toBeGreaterThan(0);
      expect(word, 'trimmed').toBe(word.trim());
      expect(word, 'lower case (hasWord lower-cases the page text)').toBe(word.toLowerCase());
    }
  });

  test('no word is listed twice', () => {
    const seen = new Set<string>();
    const twice = list.filter((w) => (seen.has(w) ? true : (seen.add(w), false)));
    expect(twice).toEqual([]);
  });
});
