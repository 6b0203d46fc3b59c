import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { Popup } from '@/components/popup/Popup';
import { sendMessage } from '@/lib/protocol';
import '@/components/ui/theme.css';
import '@/components/popup/popup.css';

/** The active tab; `?tab=<id>` describes another one (opening the popup in a tab, the browser tests). */
async function currentTab(): Promise<{ id: number | null; url: string | null }> {
  const asked = Number(new URLSearchParams(location.search).get('tab'));
  try {
    const tab = Number.isInteger(asked) && asked > 0 ? await browser.tabs.get(asked) : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
    return { id: tab?.id ?? null, url: tab?.url ?? null };
  } catch {
    return { id: null, url: null };
  }
}

// Ask the background as soon as the tab is known, while React renders the shell.
const tab = currentTab();
const state = tab.then((t) => sendMessage('ui→bg:popup', { tabId: t.id, url: t.url }));
state.catch(() => undefined); // the popup shows the error
void tab.then((t) => {
  createRoot(document.getElementById('root')!).render(
    <Popup tab={t} initial={state} onPainted={() => performance.mark('creator-lens:popup-painted')} />,
  );
});
