import { defineContentScript } from 'wxt/utils/define-content-script';
import { createOverlay } from '@/components/overlay/mount';
import { startCapture } from '@/lib/capture/collector';
import { youtubeCapture } from '@/lib/capture/youtube';
import { runContentScript } from '@/lib/content-script';
import { youtube } from '@/lib/sites/youtube';

export default defineContentScript({
  matches: youtube.matches,
  runAt: 'document_idle',
  main: (ctx) => {
    // The page's own per-post data (lib/capture): collected, not yet sent or shown.
    startCapture(ctx, youtubeCapture);
    runContentScript(ctx, youtube, createOverlay(ctx, youtube.id));
  },
});
