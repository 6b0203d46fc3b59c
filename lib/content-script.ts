/**
 * What every site's content script does: watch the page, show the overlay, and send each
 * reading to the background. No zod, Dexie or Chart.js here: validation happens in the
 * background. The overlay is handed in by the entry point (lib/ never imports components/).
 */
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Collector } from './capture/collector';
import { mergeRecent } from './capture/merge';
import { creatorKey } from './capture/store';
import { sendMessage, type ReadingAck } from './protocol';
import { normalHandle } from './sites/posts/extract';
import type { ProfileReading, Reading, RecentPost, Site } from './sites/types';
import { watchPage } from './sites/watch';

/** Posts the page's app loads as the user scrolls come in bursts: one update per this long. */
export const POSTS_UPDATE_MS = 250;

/** What the content script tells the panel (components/overlay/mount.tsx builds it). */
export interface OverlayController {
  /** A new view started: forget the previous creator at once; `readable` = this page is one the site's reader reads. */
  viewStarted(readable: boolean): void;
  showReading(reading: Reading): void;
  applyAck(reading: Reading, ack: ReadingAck): void;
}

/**
 * WXT's content-script context without its start-up announcement and its off switch. WXT
 * posts "<extension id>:<script>:wxt:content-script-started" to the page (telling every site
 * the extension's id) and stops on a DOM event of that name, which any page can replay
 * (B3 of the reliability report: the panel and recording were switched off by the page).
 * This context does neither: it ends only when the extension itself goes away (reload,
 * update, removal: `browser.runtime.id` is then gone, which WXT's timers and location
 * watcher check), never on anything the page can send.
 */
export class QuietContext extends ContentScriptContext {
  override stopOldScripts(): void {
    /* no announcement to the page */
  }

  override listenForNewerScripts(): void {
    /* no event of the page's can invalidate us */
  }
}

/** What changes a post's line in the panel and the library (not when it was captured). */
function fingerprint(recent: readonly RecentPost[]): string {
  return recent.map((p) => `${p.id}:${p.views}:${p.likes}:${p.comments}:${p.shares}:${p.publishedAt}:${+p.pinned}${+p.sponsored}${+p.likesHidden}`).join('|');
}

/**
 * The reading with the posts the page's own data carried for its creator (lib/capture).
 * The capture reads responses for the creator the URL names; where the URL names only an
 * id (a YouTube /channel/UC… page) or nothing, the reader's handle tells it whose posts to
 * read. A reading that names someone other than the URL's creator gets none: the page may
 * still show the previous profile.
 */
export function withCapturedPosts(reading: ProfileReading, capture: Collector | null): ProfileReading {
  if (!capture) return reading;
  const handle = normalHandle(reading.handle);
  const subject = capture.viewSubject();
  if (!subject) capture.identify({ handle });
  else if (creatorKey(subject) !== handle) {
    if (!subject.ownerId || normalHandle(subject.handle)) return reading;
    capture.identify({ ...subject, handle });
  }
  const posts = capture.postsFor(handle);
  return posts.length === 0 ? reading : { ...reading, recent: mergeRecent(reading.recent, posts) };
}

export function runContentScript(ctx: ContentScriptContext, site: Site, overlay: OverlayController, capture: Collector | null = null): void {
  /** The current view's profile reading as the page showed it, and the posts last sent with it. */
  let shown: ProfileReading | null = null;
  let sent = '';
  let pending: ReturnType<typeof setTimeout> | null = null;

  const send = (reading: Reading) => {
    // Marks let the benchmark measure reading and painting time on the page (bench/).
    performance.mark('creator-lens:reading', { detail: { kind: reading.kind } });
    overlay.showReading(reading);
    sendMessage('cs→bg:reading', reading)
      .then((ack) => overlay.applyAck(reading, ack))
      .catch(() => {
        /* background restarting or extension reloaded: the next view sends again */
      });
  };

  const postsChanged = () => {
    pending = null;
    if (!shown || ctx.isInvalid) return;
    const next = withCapturedPosts(shown, capture);
    const print = fingerprint(next.recent);
    if (print === sent) return;
    sent = print;
    lastSend = performance.now();
    send(next);
  };

  // The first change after a send goes at once (the panel and the library get the posts the
  // page just loaded); a burst after it waits out the rest of POSTS_UPDATE_MS.
  let lastSend = 0;
  capture?.onChange(() => {
    if (!shown || pending !== null) return;
    pending = setTimeout(postsChanged, Math.max(0, lastSend + POSTS_UPDATE_MS - performance.now()));
  });

  watchPage({
    ctx,
    site,
    onViewStart(url) {
      performance.mark('creator-lens:view-start');
      shown = null;
      sent = '';
      if (pending !== null) clearTimeout(pending);
      pending = null;
      overlay.viewStarted(site.reads(url));
    },
    emit(reading) {
      if (reading.kind === 'profile') {
        shown = reading;
        reading = withCapturedPosts(reading, capture);
        sent = fingerprint(reading.recent);
        lastSend = performance.now();
      }
      send(reading);
    },
  });
}
