/**
 * What every site's content script does: watch the page, show the overlay, and send each
 * reading to the background. No zod, Dexie or Chart.js here: validation happens in the
 * background. The overlay is handed in by the entry point (lib/ never imports components/).
 */
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { sendMessage, type ReadingAck } from './protocol';
import type { Reading, Site } from './sites/types';
import { watchPage } from './sites/watch';

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

export function runContentScript(ctx: ContentScriptContext, site: Site, overlay: OverlayController): void {
  watchPage({
    ctx,
    site,
    onViewStart(url) {
      performance.mark('creator-lens:view-start');
      overlay.viewStarted(site.reads(url));
    },
    emit(reading) {
      // Marks let the benchmark measure reading and painting time on the page (bench/).
      performance.mark('creator-lens:reading', { detail: { kind: reading.kind } });
      overlay.showReading(reading);
      sendMessage('cs→bg:reading', reading)
        .then((ack) => overlay.applyAck(reading, ack))
        .catch(() => {
          /* background restarting or extension reloaded: the next view sends again */
        });
    },
  });
}
