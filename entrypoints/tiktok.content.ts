import { defineContentScript } from 'wxt/utils/define-content-script';
import { createOverlay } from '@/components/overlay/mount';
import { runContentScript } from '@/lib/content-script';
import { tiktok } from '@/lib/sites/tiktok';

export default defineContentScript({
  matches: tiktok.matches,
  runAt: 'document_idle',
  main: (ctx) => runContentScript(ctx, tiktok, createOverlay(ctx, tiktok.id)),
});
