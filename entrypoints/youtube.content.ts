import { defineContentScript } from 'wxt/utils/define-content-script';
import { createOverlay } from '@/components/overlay/mount';
import { startCapture } from '@/lib/capture/collector';
import { youtubeCapture } from '@/lib/capture/youtube';
import { QuietContext, runContentScript } from '@/lib/content-script';
import { youtube } from '@/lib/sites/youtube';

export default defineContentScript({
  matches: youtube.matches,
  runAt: 'document_idle',
  // WXT's own context would tell the page the extension's id and could be switched off by it (lib/content-script.ts).
  noScriptStartedPostMessage: true,
  main: () => {
    const ctx = new QuietContext('youtube', { matches: youtube.matches, runAt: 'document_idle', noScriptStartedPostMessage: true });
    // The page's own per-post data (lib/capture) joins each profile reading's recent posts.
    const capture = startCapture(ctx, youtubeCapture);
    runContentScript(ctx, youtube, createOverlay(ctx, youtube.id), capture);
  },
});
