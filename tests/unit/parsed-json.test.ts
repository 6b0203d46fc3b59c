/**
 * parseJson (lib/sites/parsed-json.ts): JSON.parse without `__proto__` keys, and a full
 * load's embedded data parsed once for the reader and the capture together (issue 18).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { tiktokCapture } from '../../lib/capture/tiktok';
import { youtubeCapture } from '../../lib/capture/youtube';
import type { CaptureSite } from '../../lib/capture/site';
import { parseJson } from '../../lib/sites/parsed-json';
import { readPage } from '../../lib/sites/registry';
import type { ProfileReading } from '../../lib/sites/types';
import { loadHtml } from './fixtures';

afterEach(() => vi.restoreAllMocks());

describe('parseJson', () => {
  test('is JSON.parse, less its __proto__ keys, on any JSON text, short or long', () => {
    // fc.jsonValue() makes "__proto__" keys now and then: parseJson drops those on purpose (next tests).
    const withoutProto = (text: string) => JSON.parse(text, (key, value: unknown) => (key === '__proto__' ? undefined : value)) as unknown;
    fc.assert(fc.property(fc.jsonValue(), fc.nat(40_000), (value, pad) => {
      const text = JSON.stringify({ value, pad: 'x'.repeat(pad) });
      expect(parseJson(text)).toEqual(withoutProto(text));
    }), { numRuns: 200 });
  });

  test('refuses what JSON.parse refuses, short or long', () => {
    expect(() => parseJson('{"a":')).toThrow(SyntaxError);
    expect(() => parseJson(`{"a":"${'x'.repeat(40_000)}"`)).toThrow(SyntaxError);
  });

  test('drops __proto__ keys, at any depth', () => {
    const value = parseJson('{"a":{"__proto__":{"polluted":true},"b":1},"__proto__":{"x":1}}') as Record<string, unknown>;
    expect(Object.hasOwn(value, '__proto__')).toBe(false);
    expect(Object.hasOwn(value.a as object, '__proto__')).toBe(false);
    expect(value).toEqual({ a: { b: 1 } });
  });

  test('a long text read again, even as another string of the same characters, is not parsed again', () => {
    const text = JSON.stringify({ items: Array.from({ length: 3_000 }, (_, i) => ({ id: `v${i}`, views: i })) });
    const again = (' ' + text).slice(1); // equal, not the same string
    const spy = vi.spyOn(JSON, 'parse');
    const first = parseJson(text);
    expect(parseJson(again)).toBe(first);
    expect(spy).toHaveBeenCalledTimes(1);
  });

  test('only the last two long texts are kept; short ones are parsed each time', () => {
    const long = (n: number) => JSON.stringify({ n, pad: 'y'.repeat(40_000) });
    const spy = vi.spyOn(JSON, 'parse');
    parseJson(long(1));
    parseJson(long(2));
    parseJson(long(3));
    parseJson(long(2));
    parseJson(long(3));
    expect(spy).toHaveBeenCalledTimes(3);
    parseJson(long(1));
    expect(spy).toHaveBeenCalledTimes(4);
    parseJson('{"short":1}');
    parseJson('{"short":1}');
    expect(spy).toHaveBeenCalledTimes(6);
  });
});

const ROOT = fileURLToPath(new URL('../../../shared/real-captures/', import.meta.url));
const present = existsSync(ROOT);

describe.runIf(present)('a real page load: the reader and the capture parse its embedded data once', () => {
  // The capture finds the channel's videos in YouTube's; TikTok's rendered page holds its rehydration data but no post list.
  const cases: [string, string, CaptureSite, boolean][] = [
    ['youtube/kurzgesagt.html', 'https://www.youtube.com/@kurzgesagt/videos', youtubeCapture, true],
    ['tiktok/tt-2026-03-carlosazaustre-profile-rendered.html', 'https://www.tiktok.com/@carlosazaustre', tiktokCapture, false],
  ];
  test.each(cases)('%s', (file, url, site, hasPosts) => {
    const doc = loadHtml(readFileSync(`${ROOT}${file}`, 'utf8'));
    const big: number[] = [];
    const parse = JSON.parse;
    vi.spyOn(JSON, 'parse').mockImplementation((text: string, reviver?: Parameters<typeof JSON.parse>[1]) => {
      if (text.length > 100_000) big.push(text.length);
      return parse(text, reviver);
    });
    const reading = readPage(doc, new URL(url)) as ProfileReading;
    expect(reading.kind).toBe('profile');
    const texts = site.embedded(doc);
    expect(texts.length).toBeGreaterThan(0);
    const posts = texts.flatMap((text) => site.extract(text, { handle: reading.handle.toLowerCase() }).posts);
    expect(posts.length > 0).toBe(hasPosts);
    expect(big).toHaveLength(1);
  });
});
