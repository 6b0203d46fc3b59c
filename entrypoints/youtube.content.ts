import { defineContentScript } from 'wxt/utils/define-content-script';
import { createOverlay } from '@/components/overlay/mount';
import { runContentScript } from '@/lib/content-script';
import { youtube } from '@/lib/sites/youtube';

export default defineContentScript({
  matches: youtube.matches,
  runAt: 'document_idle',
  main: (ctx) => runContentScript(ctx, youtube, createOverlay(ctx, youtube.id)),
});
