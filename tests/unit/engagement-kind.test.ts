/**
 * isShort (lib/metrics/engagement.ts) skips parsing an address that cannot name a Short; it
 * must say what kindOf says on any address, those made to trip the shortcut included
 * (a percent-encoded "shorts", one split by a tab or newline, backslashes, dot segments).
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { isShort, kindOf } from '../../lib/metrics/engagement';
import { POST_KINDS } from '../../lib/sites/types';

const PIECES = [
  'https://', 'http://', 'HTTPS://', 'www.youtube.com', 'm.youtube.com', 'youtube.com', 'www.instagram.com', '/', '\\', 'shorts', 'Shorts', 'sh', 'orts',
  '%73', '%2F', '%2e', '%', '\t', '\n', '\r', ' ', 'watch', '?v=', 'aaaaaaaaaaa', 'bbbbbbbbbbb', '@x', '.', '..', '#', '?', 'ｓhorts', 'videos',
];
const address = fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }).map((parts) => parts.join(''));
/** Addresses shaped like a Short's, the word and the separators written in the ways a parser reads alike (or not). */
const shortish = fc
  .tuple(
    fc.constantFrom('https://www.youtube.com', 'http://m.youtube.com', 'https://youtube.com', 'https://www.instagram.com', ' https://www.youtube.com'),
    fc.constantFrom('/', '\\', '/./', '/x/../', '//', '/%2e/', '\t/'),
    fc.constantFrom('shorts', '%73horts', 'sh%6Frts', 'sho\trts', 'sh\norts', 'shor\rts', 'Shorts', 'short', 'ｓhorts', 'shorts%20', 'watch'),
    fc.constantFrom('/', '\\', '/\n'),
    fc.constantFrom('bbbbbbbbbbb', 'bbbbbbbbbb', '%62bbbbbbbbbb', '?v=aaaaaaaaaaa', ''),
    fc.constantFrom('', '/', '?x=1', '#t', '\n'),
  )
  .map((parts) => parts.join(''));

describe('isShort', () => {
  test.each([
    ['https://www.youtube.com/shorts/bbbbbbbbbbb', true],
    ['https://www.youtube.com/%73horts/bbbbbbbbbbb', true],
    ['https://www.youtube.com/sho\trts/bbbbbbbbbbb', true],
    ['https://www.youtube.com/sh\norts/bbbbbbbbbbb', true],
    ['https://www.youtube.com\\shorts\\bbbbbbbbbbb', true],
    ['https://www.youtube.com/x/../shorts/bbbbbbbbbbb', true],
    ['https://www.youtube.com/watch?v=aaaaaaaaaaa', false],
    ['https://www.youtube.com/p/1/', false],
    ['not a url', false],
  ])('%j: %s, as kindOf says', (url, short) => {
    expect(isShort({ kind: null, url })).toBe(short);
    expect(kindOf('youtube', { kind: null, url }) === 'short').toBe(short);
  });

  test('what kindOf says, on any address and kind', () => {
    const shorts = new Set<string>();
    fc.assert(
      fc.property(fc.option(fc.constantFrom(...POST_KINDS), { nil: null }), fc.oneof(shortish, address, fc.string(), fc.webUrl()), (kind, url) => {
        const short = kindOf('youtube', { kind, url }) === 'short';
        expect(isShort({ kind, url })).toBe(short);
        if (short && kind === null) shorts.add(url);
      }),
      { numRuns: 5_000 },
    );
    // Shorts were among them, written in more than one way.
    expect([...shorts].filter((u) => !u.includes('shorts')).length).toBeGreaterThan(5);
  }, 60_000); // 5,000 addresses: about 2 s alone, over 5 s on a loaded 2-core machine
});
