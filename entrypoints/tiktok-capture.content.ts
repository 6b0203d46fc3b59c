import { defineContentScript } from 'wxt/utils/define-content-script';
import { PAGE_CAPTURE } from '@/lib/capture/page-sites';
import { installPageCapture } from '@/lib/capture/page-world';
import { matchesOf } from '@/lib/sites/platforms';

// The page-world half of the capture (lib/capture/page-world.ts): in the page's own world
// before its app runs, on every page of the host (the app may enter a profile from anywhere).
export default defineContentScript({
  matches: matchesOf('tiktok'),
  world: 'MAIN',
  runAt: 'document_start',
  main: () => installPageCapture(window, PAGE_CAPTURE.tiktok),
});
