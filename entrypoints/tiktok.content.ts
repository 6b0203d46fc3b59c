import { defineContentScript } from 'wxt/utils/define-content-script';
import { createOverlay } from '@/components/overlay/mount';
import { startCapture } from '@/lib/capture/collector';
import { tiktokCapture } from '@/lib/capture/tiktok';
import { runContentScript } from '@/lib/content-script';
import { tiktok } from '@/lib/sites/tiktok';

export default defineContentScript({
  matches: tiktok.matches,
  runAt: 'document_idle',
  main: (ctx) => {
    // The page's own per-post data (lib/capture): collected, not yet sent or shown.
    startCapture(ctx, tiktokCapture);
    runContentScript(ctx, tiktok, createOverlay(ctx, tiktok.id));
  },
});
