import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { dispatch, MESSAGE_NAMES } from '@/lib/background/handlers';
import { forgetTab } from '@/lib/background/tab-readings';
import { libraryDb } from '@/lib/db/db';
import { onMessage } from '@/lib/protocol';

export default defineBackground(() => {
  const db = libraryDb();
  // Every message goes through the one validating table (lib/background/handlers.ts).
  for (const name of MESSAGE_NAMES) onMessage(name, ({ data, sender }) => dispatch(db, name, data, sender) as never);
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
});
