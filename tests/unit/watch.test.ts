// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { tiktok } from '../../lib/sites/tiktok';
import type { Reading } from '../../lib/sites/types';
import { watchPage, type WatchContext } from '../../lib/sites/watch';

function fakeContext() {
  const invalidated: (() => void)[] = [];
  const ctx: WatchContext & { invalidate(): void } = {
    isInvalid: false,
    onInvalidated: (cb) => invalidated.push(cb),
    addEventListener: (target, type, handler) => target.addEventListener(type, handler),
    invalidate() {
      (this as { isInvalid: boolean }).isInvalid = true;
      invalidated.forEach((cb) => cb());
    },
  };
  return ctx;
}

const header = (handle: string, followers: string, following = '10', likes = '1.2K') =>
  `<h1 data-e2e="user-title">${handle}</h1><strong data-e2e="following-count">${following}</strong>` +
  `<strong data-e2e="followers-count">${followers}</strong><strong data-e2e="likes-count">${likes}</strong>`;

describe('watchPage', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    window.history.replaceState({}, '', 'https://www.tiktok.com/@first');
    document.body.innerHTML = '';
  });
  afterEach(() => vi.useRealTimers());

  test('emits one reading per view, waits for late counts, follows navigation', async () => {
    const emitted: Reading[] = [];
    const ctx = fakeContext();
    document.body.innerHTML = '<div id="app"></div>'; // counts not rendered yet
    const watcher = watchPage({ ctx, site: tiktok, emit: (r) => emitted.push(r), win: window });
    expect(emitted).toEqual([]);

    document.getElementById('app')!.innerHTML = header('first', '2.6M');
    await vi.advanceTimersByTimeAsync(150);
    expect(emitted).toHaveLength(1);
    expect(emitted[0]).toMatchObject({ kind: 'profile', handle: 'first', followers: 2_600_000 });

    // More mutations on the same view do not emit again.
    document.getElementById('app')!.append(document.createElement('div'));
    await vi.advanceTimersByTimeAsync(2_000);
    expect(emitted).toHaveLength(1);

    // In-page navigation: the old header is still there at first (must not be reported
    // as the new profile), then the new one replaces it.
    window.history.pushState({}, '', 'https://www.tiktok.com/@second');
    watcher.check();
    await vi.advanceTimersByTimeAsync(500);
    expect(emitted).toHaveLength(1);
    document.getElementById('app')!.innerHTML = header('second', '3,201');
    await vi.advanceTimersByTimeAsync(150);
    expect(emitted).toHaveLength(2);
    expect(emitted[1]).toMatchObject({ handle: 'second', followers: 3_201 });
    watcher.stop();
  });

  // Issue 18: counts that arrive after the content script started waited for a trailing 100 ms throttle.
  test('the first mutation that can carry counts is read at once; later ones at most once per throttle interval', async () => {
    const emitted: Reading[] = [];
    const reads = vi.spyOn(tiktok, 'read');
    document.body.innerHTML = '<div id="app"></div>';
    watchPage({ ctx: fakeContext(), site: tiktok, emit: (r) => emitted.push(r), win: window, throttleMs: 100 });
    expect(reads).toHaveBeenCalledTimes(1); // the view's start
    await vi.advanceTimersByTimeAsync(30);
    document.getElementById('app')!.replaceChildren(); // a removal alone cannot bring counts
    await vi.advanceTimersByTimeAsync(0);
    expect(reads).toHaveBeenCalledTimes(1);
    document.getElementById('app')!.innerHTML = '<h1 data-e2e="user-title">first</h1>'; // no counts yet: read at once
    await vi.advanceTimersByTimeAsync(0);
    expect(reads).toHaveBeenCalledTimes(2);
    document.getElementById('app')!.innerHTML = header('first', '2.6M'); // within the interval: after it
    await vi.advanceTimersByTimeAsync(0);
    expect(reads).toHaveBeenCalledTimes(2);
    expect(emitted).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(100);
    expect(reads).toHaveBeenCalledTimes(3);
    expect(emitted).toEqual([expect.objectContaining({ handle: 'first', followers: 2_600_000 })]);
    reads.mockRestore();
  });

  test('counts arriving in one mutation are emitted without waiting for any timer', async () => {
    const emitted: Reading[] = [];
    document.body.innerHTML = '<div id="app"></div>';
    watchPage({ ctx: fakeContext(), site: tiktok, emit: (r) => emitted.push(r), win: window });
    await vi.advanceTimersByTimeAsync(40);
    document.getElementById('app')!.innerHTML = header('first', '2.6M');
    await Promise.resolve(); // the observer's callback: a microtask
    await vi.advanceTimersByTimeAsync(0);
    expect(emitted).toEqual([expect.objectContaining({ handle: 'first', followers: 2_600_000 })]);
  });

  test('an incomplete reading is emitted once it stops improving', async () => {
    const emitted: Reading[] = [];
    document.body.innerHTML = `<h1 data-e2e="user-title">first</h1><strong data-e2e="followers-count">12</strong>`;
    watchPage({ ctx: fakeContext(), site: tiktok, emit: (r) => emitted.push(r), win: window, quietMs: 800 });
    await vi.advanceTimersByTimeAsync(700);
    expect(emitted).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(200);
    expect(emitted).toHaveLength(1);
    expect(emitted[0]).toMatchObject({ followers: 12, following: null, likes: null });
  });

  test('a page that never shows counts gives its reason after the time limit, not zeros', async () => {
    const emitted: Reading[] = [];
    document.body.innerHTML = '<main>loading…</main>';
    watchPage({ ctx: fakeContext(), site: tiktok, emit: (r) => emitted.push(r), win: window, maxWaitMs: 3_000 });
    await vi.advanceTimersByTimeAsync(2_900);
    expect(emitted).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(200);
    expect(emitted).toEqual([expect.objectContaining({ kind: 'unreadable', reason: 'no-stats' })]);
  });

  test('non-profile pages emit "not a profile"; invalidation stops everything', async () => {
    window.history.replaceState({}, '', 'https://www.tiktok.com/foryou');
    const emitted: Reading[] = [];
    const ctx = fakeContext();
    const watcher = watchPage({ ctx, site: tiktok, emit: (r) => emitted.push(r), win: window });
    expect(emitted).toEqual([expect.objectContaining({ reason: 'not-a-profile' })]);
    ctx.invalidate();
    window.history.pushState({}, '', 'https://www.tiktok.com/@first');
    document.body.innerHTML = header('first', '1');
    watcher.check();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(emitted).toHaveLength(1);
  });

  // B5 of the reliability report: a page rewrote its query every 50 ms and each rewrite was a new profile view.
  test('a query string is not a new view: one reading however often the page rewrites it; a post id is', async () => {
    const emitted: Reading[] = [];
    const views: string[] = [];
    document.body.innerHTML = header('first', '2.6M');
    const watcher = watchPage({ ctx: fakeContext(), site: tiktok, emit: (r) => emitted.push(r), onViewStart: (url) => views.push(url.pathname), win: window });
    await vi.advanceTimersByTimeAsync(150);
    expect(emitted).toHaveLength(1);
    for (let i = 0; i < 600; i++) {
      window.history.pushState({}, '', `https://www.tiktok.com/@first?v=${i}`);
      document.querySelector('[data-e2e="followers-count"]')!.textContent = `${2_600_000 + i}`;
      watcher.check();
      await vi.advanceTimersByTimeAsync(50);
    }
    expect(emitted).toHaveLength(1);
    expect(views).toEqual(['/@first']);
    window.history.pushState({}, '', 'https://www.tiktok.com/@first/video/7412345678901234567');
    watcher.check();
    expect(views).toEqual(['/@first', '/@first/video/7412345678901234567']); // a post is a view of its own
    watcher.stop();
  });
});
