/**
 * What every site's content script does: watch the page and send each reading to the
 * background. No zod, Dexie or Chart.js here: validation happens in the background.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { sendMessage } from './messaging';
import type { Site } from './sites/types';
import { watchPage } from './sites/watch';

export function runContentScript(ctx: ContentScriptContext, site: Site): void {
  watchPage({
    ctx,
    site,
    emit(reading) {
      // Marks let the benchmark measure reading time on the page (bench/).
      performance.mark('creator-lens:reading', { detail: { kind: reading.kind } });
      sendMessage('cs→bg:reading', reading).catch(() => {
        /* background restarting or extension reloaded: the next view sends again */
      });
    },
  });
}
