import { defineContentScript } from 'wxt/utils/define-content-script';
import { createOverlay } from '@/components/overlay/mount';
import { QuietContext, runContentScript } from '@/lib/content-script';
import { instagram } from '@/lib/sites/instagram';

export default defineContentScript({
  matches: instagram.matches,
  runAt: 'document_idle',
  // WXT's own context would tell the page the extension's id and could be switched off by it (lib/content-script.ts).
  noScriptStartedPostMessage: true,
  main: () => {
    const ctx = new QuietContext('instagram', { matches: instagram.matches, runAt: 'document_idle', noScriptStartedPostMessage: true });
    runContentScript(ctx, instagram, createOverlay(ctx, instagram.id));
  },
});
