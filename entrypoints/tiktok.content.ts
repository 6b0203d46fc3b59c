import { defineContentScript } from 'wxt/utils/define-content-script';
import { createOverlay } from '@/components/overlay/mount';
import { startCapture } from '@/lib/capture/collector';
import { tiktokCapture } from '@/lib/capture/tiktok';
import { QuietContext, runContentScript } from '@/lib/content-script';
import { tiktok } from '@/lib/sites/tiktok';

export default defineContentScript({
  matches: tiktok.matches,
  runAt: 'document_idle',
  // WXT's own context would tell the page the extension's id and could be switched off by it (lib/content-script.ts).
  noScriptStartedPostMessage: true,
  main: () => {
    const ctx = new QuietContext('tiktok', { matches: tiktok.matches, runAt: 'document_idle', noScriptStartedPostMessage: true });
    // The page's own per-post data (lib/capture) joins each profile reading's recent posts.
    const capture = startCapture(ctx, tiktokCapture);
    runContentScript(ctx, tiktok, createOverlay(ctx, tiktok.id), capture);
  },
});
