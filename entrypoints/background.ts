import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { addTabToList, keepDeal, keepDealFromUi, markTabPost, onReading, saveFromUi, saveTab } from '@/lib/background/library';
import { popupState } from '@/lib/background/popup';
import { forgetTab, tabReading } from '@/lib/background/tab-readings';
import { libraryDb } from '@/lib/db/db';
import { onMessage } from '@/lib/messaging';

export default defineBackground(() => {
  const db = libraryDb();
  onMessage('cs→bg:reading', ({ data, sender }) => onReading(db, data, sender));
  onMessage('cs→bg:save', ({ data, sender }) => saveTab(db, sender.tab?.id, data));
  onMessage('cs→bg:add-to-list', ({ data, sender }) => addTabToList(db, sender.tab?.id, data));
  onMessage('cs→bg:mark-post', ({ data, sender }) => markTabPost(db, sender.tab?.id, data));
  onMessage('cs→bg:keep-deal', ({ data, sender }) => keepDeal(db, sender.tab?.id, data));
  onMessage('ui→bg:save-tab', ({ data }) => saveFromUi(db, data));
  onMessage('ui→bg:tab-reading', ({ data }) => tabReading(data));
  onMessage('ui→bg:popup', ({ data }) => popupState(db, data?.tabId ?? undefined, data?.url ?? undefined));
  onMessage('ui→bg:keep-deal', ({ data }) => keepDealFromUi(db, data));
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
});
