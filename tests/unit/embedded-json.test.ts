/**
 * embeddedJson (lib/sites/common.ts): JSON found after a marker in the page's script text,
 * cached per script and per lookup, searched once per page view.
 */
import { describe, expect, test } from 'vitest';
import { embeddedJson } from '../../lib/sites/common';
import { loadHtml } from './fixtures';

const PLAYER = /ytInitialPlayerResponse["']?\]?\s*=\s*/;
const DATA = /ytInitialData["']?\]?\s*=\s*/;

const page = (...scripts: string[]) => loadHtml(`<html><body>${scripts.map((s) => `<script>${s}</script>`).join('')}</body></html>`);

describe('embeddedJson', () => {
  test('one script holding two objects gives each lookup its own (2019–21 YouTube watch pages)', () => {
    const doc = page('window["ytInitialData"] = {"a": 1};\nwindow["ytInitialPlayerResponse"] = {"b": 2};\nif (window.ytcsi) {}');
    // Asked in either order, twice: the cache must not hand one lookup the other's object.
    expect(embeddedJson(doc, PLAYER)).toEqual({ b: 2 });
    expect(embeddedJson(doc, DATA)).toEqual({ a: 1 });
    expect(embeddedJson(doc, PLAYER)).toEqual({ b: 2 });
    expect(embeddedJson(doc, DATA)).toEqual({ a: 1 });
  });

  test('a script added after the first read is found', () => {
    const doc = page('var other = {"x": 1};');
    expect(embeddedJson(doc, 'window._sharedData = ')).toBeUndefined();
    const script = doc.createElement('script');
    script.textContent = 'window._sharedData = {"entry_data": {}};';
    doc.body.appendChild(script);
    expect(embeddedJson(doc, 'window._sharedData = ')).toEqual({ entry_data: {} });
  });

  test('a page swapped in whole is read anew, even with as many scripts as before', () => {
    const doc = page('var ytInitialData = {"page": 1};');
    expect(embeddedJson(doc, 'ytInitialData = ')).toEqual({ page: 1 });
    doc.body.innerHTML = '<script>var ytInitialData = {"page": 2, "longer": true};</script>';
    expect(embeddedJson(doc, 'ytInitialData = ')).toEqual({ page: 2, longer: true });
  });

  test('a lookup the text cannot be about is not parsed, and a later one still is', () => {
    const doc = page('var ytInitialData = {"channel": "/@a"};');
    expect(embeddedJson(doc, 'ytInitialData = ', (t) => t.includes('/@b'))).toBeUndefined();
    expect(embeddedJson(doc, 'ytInitialData = ', (t) => t.includes('/@a'))).toEqual({ channel: '/@a' });
  });
});
