import { defineContentScript } from 'wxt/utils/define-content-script';
import { createOverlay } from '@/components/overlay/mount';
import { startCapture } from '@/lib/capture/collector';
import { instagramCapture } from '@/lib/capture/instagram';
import { QuietContext, runContentScript } from '@/lib/content-script';
import { instagram } from '@/lib/sites/instagram';

export default defineContentScript({
  matches: instagram.matches,
  runAt: 'document_idle',
  // WXT's own context would tell the page the extension's id and could be switched off by it (lib/content-script.ts).
  noScriptStartedPostMessage: true,
  main: () => {
    const ctx = new QuietContext('instagram', { matches: instagram.matches, runAt: 'document_idle', noScriptStartedPostMessage: true });
    // The page's own per-post data (lib/capture) joins each profile reading's recent posts.
    const capture = startCapture(ctx, instagramCapture);
    runContentScript(ctx, instagram, createOverlay(ctx, instagram.id), capture);
  },
});
