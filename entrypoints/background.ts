import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { acceptReading, forgetTab, tabReading } from '@/lib/background/tab-readings';
import { onMessage } from '@/lib/messaging';

export default defineBackground(() => {
  onMessage('cs→bg:reading', ({ data, sender }) => acceptReading(data, sender));
  onMessage('ui→bg:tab-reading', ({ data }) => tabReading(data));
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
});
