/**
 * What every site's content script does: watch the page, show the overlay, and send each
 * reading to the background. No zod, Dexie or Chart.js here: validation happens in the
 * background.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createOverlay } from '@/components/overlay/mount';
import { sendMessage } from './protocol';
import type { Site } from './sites/types';
import { watchPage } from './sites/watch';

export function runContentScript(ctx: ContentScriptContext, site: Site): void {
  const overlay = createOverlay(ctx, site.id);
  watchPage({
    ctx,
    site,
    onViewStart(url) {
      performance.mark('creator-lens:view-start');
      overlay.viewStarted(site.isProfileUrl(url));
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
