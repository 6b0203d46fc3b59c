import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { messageListener } from '@/lib/background/listen';
import { forgetTab } from '@/lib/background/tab-readings';
import { libraryDb } from '@/lib/db/db';

export default defineBackground(() => {
  // Every message goes through the one validating table (lib/background/handlers.ts).
  browser.runtime.onMessage.addListener(messageListener(libraryDb()) as Parameters<typeof browser.runtime.onMessage.addListener>[0]);
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
});
