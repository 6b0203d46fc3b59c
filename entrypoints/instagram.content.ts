import { defineContentScript } from 'wxt/utils/define-content-script';
import { createOverlay } from '@/components/overlay/mount';
import { runContentScript } from '@/lib/content-script';
import { instagram } from '@/lib/sites/instagram';

export default defineContentScript({
  matches: instagram.matches,
  runAt: 'document_idle',
  main: (ctx) => runContentScript(ctx, instagram, createOverlay(ctx, instagram.id)),
});
