import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { Popup } from '@/components/popup/Popup';
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

void currentTab().then((tab) => {
  createRoot(document.getElementById('root')!).render(
    <Popup tab={tab} onPainted={() => performance.mark('creator-lens:popup-painted')} />,
  );
});
