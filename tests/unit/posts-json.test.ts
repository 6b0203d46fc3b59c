/** Framing, parsing limits and shared helpers of the post extractors (lib/sites/posts/). */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { readInstagramPosts } from '../../lib/sites/instagram/posts';
import { DISCLOSURES, findDisclosure } from '../../lib/sites/posts/disclosure';
import { guarded, ownership } from '../../lib/sites/posts/extract';
import { count, findObjectsWithKey, isoToMs, MAX_BODY, parseDocuments, secondsToMs } from '../../lib/sites/posts/json';
import { POST_METRICS, type Extraction } from '../../lib/sites/posts/types';
import { readTiktokPosts } from '../../lib/sites/tiktok/posts';
import { readYoutubePosts } from '../../lib/sites/youtube/posts';

describe('parseDocuments', () => {
  test.each([
    ['one document', '{"a":1}', [{ a: 1 }], []],
    ['an array document', '[1,2]', [[1, 2]], []],
    ['Instagram’s for (;;); prefix', 'for (;;);{"a":1}', [{ a: 1 }], []],
    ['Google’s )]}\' prefix', ")]}'\n{\"a\":1}", [{ a: 1 }], []],
    ['a BOM and whitespace', '\uFEFF  \n{"a":1}\n', [{ a: 1 }], []],
    ['newline-separated documents', '{"a":1}\n{"b":2}\n', [{ a: 1 }, { b: 2 }], []],
    ['documents back to back', '{"a":1}{"b":[2]}', [{ a: 1 }, { b: [2] }], []],
    ['each chunk with its prefix', 'for (;;);{"a":1}\nfor (;;);{"b":2}', [{ a: 1 }, { b: 2 }], []],
    ['braces inside strings', '{"a":"}{\\"}"}\n{"b":"{"}', [{ a: '}{"}' }, { b: '{' }], []],
    ['page script text', 'var ytInitialData = {"a":1};', [{ a: 1 }], []],
    ['script text with code after it', 'var ytInitialPlayerResponse = {"a":1};var meta = document.createElement("meta");', [{ a: 1 }], []],
    ['a script joined with a response', 'var ytInitialData = {"a":1};\n{"b":2}', [{ a: 1 }, { b: 2 }], []],
    ['two scripts joined', 'window["ytInitialData"] = {"a":1};\nif (window.ytcsi) {window.ytcsi.tick("pdr", null, "");}\nvar ytInitialPlayerResponse = {"b":2};', [{ a: 1 }, { b: 2 }], []],
    ['a truncated second document', '{"a":1}\n{"b":[2,', [{ a: 1 }], ['truncated']],
    ['a malformed document between good ones', '{"a":1}\n{"b":}\n{"c":3}', [{ a: 1 }, { c: 3 }], ['malformed']],
    ['trailing garbage after a document', '{"a":1}\nnot json', [{ a: 1 }], ['malformed']],
    ['an empty body', '', [], ['not-json']],
    ['only whitespace', ' \n ', [], ['not-json']],
    ['HTML', '<!DOCTYPE html><html><body>{"a":1}</body></html>', [], ['not-json']],
    ['a prefix we do not know', 'while(true){}{"a":1}', [], ['not-json']],
  ])('%s', (_name, text, docs, problems) => {
    expect(parseDocuments(text)).toEqual({ docs, problems });
  });

  test('bodies over 4 MB are refused unparsed', () => {
    const big = `{"a":"${'x'.repeat(MAX_BODY)}"}`;
    expect(parseDocuments(big)).toEqual({ docs: [], problems: ['too-large'] });
    expect(MAX_BODY).toBe(4 * 1024 * 1024);
  });

  test('not text at all', () => {
    expect(parseDocuments(undefined)).toEqual({ docs: [], problems: ['not-json'] });
    expect(parseDocuments({ a: 1 })).toEqual({ docs: [], problems: ['not-json'] });
  });

  test('__proto__ keys are dropped: nothing reaches a prototype however the result is used', () => {
    const text = '{"__proto__":{"polluted":true},"a":{"__proto__":{"polluted":true},"b":1}}\n{"x":{"__proto__":{"polluted":true}}}';
    const { docs } = parseDocuments(text);
    expect(docs).toEqual([{ a: { b: 1 } }, { x: {} }]);
    const merged = Object.assign({}, ...docs, (docs[0] as any).a);
    expect(({} as any).polluted).toBeUndefined();
    expect(merged.polluted).toBeUndefined();
    expect(Object.getPrototypeOf((docs[0] as any).a)).toBe(Object.prototype);
  });

  test('a hostile depth is a malformed document, not a crash', () => {
    const deep = '['.repeat(200_000) + ']'.repeat(200_000);
    expect(() => parseDocuments(deep)).not.toThrow();
  });
});

test.each([
  [12, 12],
  ['1776621', 1_776_621],
  [0, 0],
  [-2_147_483_648, null], // TikTok's overflowed counter
  [1.5, null],
  ['1.2M', null],
  ['', null],
  [3_254_998_171_211_465_227, null], // already rounded by JSON.parse
  [2e12, null],
  [null, null],
  [true, null],
])('count(%j) = %j', (value, expected) => {
  expect(count(value)).toBe(expected);
});

test.each([
  [1_700_000_000, 1_700_000_000_000],
  ['1675963028', 1_675_963_028_000],
  [0, null], // 1970: a wrong field, not a date
  [1_700_000_000_000, null], // already milliseconds
])('secondsToMs(%j) = %j', (value, expected) => {
  expect(secondsToMs(value)).toBe(expected);
});

test.each([
  ['2021-03-17', Date.UTC(2021, 2, 17)],
  ['2017-07-07T09:05:11-07:00', Date.UTC(2017, 6, 7, 16, 5, 11)],
  ['17 Mar 2021', null], // worded dates are kept as text by the extractors, never parsed
  ['2021-13-45', null],
  [20210317, null],
])('isoToMs(%j) = %j', (value, expected) => {
  expect(isoToMs(value)).toBe(expected);
});

describe('findObjectsWithKey', () => {
  test('finds at depth 20 (Meta’s envelope is ~16 deep), not past the depth limit', () => {
    const nest = (n: number) => {
      let v: unknown = { target: 1 };
      for (let i = 0; i < n; i++) v = { a: [v] };
      return v;
    };
    expect(findObjectsWithKey(nest(10), ['target'])).toHaveLength(1); // 20 levels: each step is an object and an array
    expect(findObjectsWithKey(nest(10), ['target'], { maxDepth: 14, maxNodes: 1000 })).toHaveLength(0);
  });

  test('stops after maxNodes', () => {
    const wide = { list: Array.from({ length: 10_000 }, () => ({ x: 1 })), tail: { target: 1 } };
    expect(findObjectsWithKey(wide, ['target'], { maxDepth: 32, maxNodes: 500 })).toHaveLength(0);
    expect(findObjectsWithKey(wide, ['target'])).toHaveLength(1);
  });

  test('inherited names do not match', () => {
    expect(findObjectsWithKey({ a: {} }, ['constructor', 'toString'])).toEqual([]);
  });
});

describe('disclosures', () => {
  test.each([
    ['Neues Setup! #Anzeige', '#anzeige'],
    ['#ad', '#ad'],
    ['Loving this #AD.', '#ad'],
    ['thanks @brand (#sponsored)', '#sponsored'],
    ['#spon', '#spon'],
    ['Rezept #werbung', '#werbung'],
    ['receta #publicidad', '#publicidad'],
    ['receita #publi', '#publi'],
    ['mon avis #pub', '#pub'],
    ['In paid partnership with @brand', 'paid partnership'],
    ['Japanese keyboards: ＃ad', '#ad'],
    ['#adventure time', null],
    ['#adidas #ads', null],
    ['#publicidade', null], // not in the list (yet)
    ['email me at ad@example.com', null],
    ['##ad', null],
    ['unpaid partnerships', null],
    ['', null],
  ])('%j → %s', (text, tag) => {
    expect(findDisclosure(text)?.text ?? null).toBe(tag);
  });

  test('every disclosure says why it is there', () => {
    for (const d of DISCLOSURES) expect(d.why.length, d.text).toBeGreaterThan(10);
    expect(new Set(DISCLOSURES.map((d) => d.text)).size).toBe(DISCLOSURES.length);
  });
});

test.each([
  [{ handles: ['Maya.Codes'] }, { handle: '@maya.codes' }, 'own'],
  [{ handles: ['lena'] }, { handle: 'maya' }, 'other'],
  [{ ids: ['1'] }, { handle: 'maya', ownerId: '1' }, 'own'],
  [{ ids: ['2'] }, { handle: 'maya', ownerId: '1' }, 'other'],
  [{ handles: ['maya'], ids: ['2'] }, { handle: 'maya', ownerId: '1' }, 'other'], // any disagreement wins
  [{ ids: ['1'] }, { handle: 'maya' }, 'unknown'],
  [{ handles: [null], ids: [undefined] }, { handle: 'maya', ownerId: '1' }, 'unknown'],
])('ownership(%j, %j) = %s', (post, ctx, expected) => {
  expect(ownership(post, ctx)).toBe(expected);
});

describe('the extractors never throw', () => {
  const extractors = { instagram: readInstagramPosts, tiktok: readTiktokPosts, youtube: readYoutubePosts };

  test('a bug inside is one counted reason, not an exception', () => {
    const broken = guarded(() => {
      throw new Error('bug');
    });
    expect(broken('{}', { handle: 'x' })).toEqual({ posts: [], cursor: null, hasMore: null, skipped: [{ reason: 'extractor-error', count: 1 }] });
  });

  test.each(Object.entries(extractors))('%s: any text gives a well-formed extraction', (_site, extract) => {
    const wellFormed = (x: Extraction) => {
      expect(Array.isArray(x.posts) && Array.isArray(x.skipped)).toBe(true);
      for (const p of x.posts) {
        expect(typeof p.id).toBe('string');
        for (const m of POST_METRICS) expect(p[m] === null || (Number.isSafeInteger(p[m]) && p[m]! >= 0)).toBe(true);
      }
    };
    const near = fc.oneof(
      fc.string(),
      fc.json(),
      // JSON with the keys the extractors look for, in random places
      fc.jsonValue().map((v) => JSON.stringify({ data: { xdt_api__v1__feed__user_timeline_graphql_connection: { edges: [{ node: v }] } }, itemList: [v], contents: v, videoDetails: v })),
    );
    fc.assert(
      fc.property(near, (text) => {
        wellFormed(extract(text, { handle: 'maya' }));
      }),
      { numRuns: 300 },
    );
    // Hostile shapes: wrong types where objects are expected.
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(extract(deep, { handle: 'maya' }).skipped).not.toContainEqual({ reason: 'extractor-error', count: 1 });
    for (const text of ['null', '[]', '"x"', '{"data":[]}', '{"items":{"length":3}}', '{"itemList":"x"}', '{"onResponseReceivedActions":[null]}', '{"require":[[null,null,null,[null]]]}']) {
      wellFormed(extract(text, { handle: 'maya' }));
    }
  });
});
