/**
 * The popup: "what about the creator in this tab?" The creator's numbers and engagement
 * against its band, then the quoted fee weighed (components/ui/QuoteForm.tsx). When the tab
 * shows no profile: the most recently seen saved creators and the dashboard.
 * Everything comes from one background message (lib/background/popup-state.ts).
 */
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { sendMessage, type PopupState, type Refusal } from '@/lib/protocol';
import { compact } from '@/lib/view/format';
import { withKnownPosts } from '@/lib/view/creator';
import { DEFAULT_PREFS, prefsKey, type OverlayPrefs } from '@/lib/overlay/prefs';
import { creatorKeyOf } from '@/lib/keys';
import { CreatorSummary } from '../ui/CreatorSummary';
import '../ui/summary.css';
import { platformName, type Platform } from '@/lib/sites/platforms';
import { QuoteForm } from '../ui/QuoteForm';
import { dateTimeFormat } from '@/lib/intl';

export interface PopupProps {
  /** The tab to describe; null when the active tab could not be found. */
  tab: { id: number | null; url: string | null };
  /** The background's answer, already asked for (else the popup asks). */
  initial?: Promise<PopupState | Refusal>;
  onPainted?(): void;
}

const dashboardUrl = (hash = '') => `${browser.runtime.getURL('/dashboard.html')}${hash}`;
const openDashboard = (hash = '') => {
  void browser.tabs.create({ url: dashboardUrl(hash) });
  window.close();
};

export function Popup({ tab, initial, onPainted }: PopupProps) {
  const [state, setState] = useState<PopupState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<'no' | 'saving' | 'yes'>('no');
  const [saveError, setSaveError] = useState<string | null>(null);

  useEffect(() => {
    (initial ?? sendMessage('ui→bg:popup', { tabId: tab.id, url: tab.url }))
      .then((s) => {
        if ('ok' in s) throw new Error(s.reason);
        setState(s);
        setSaved(s.subject?.view?.saved ? 'yes' : 'no');
      })
      .catch((e: unknown) => setError(`Creator Lens’s background did not answer (${(e as Error)?.message ?? 'unknown error'}). Close and reopen the popup.`));
  }, [tab.id, tab.url]);

  useEffect(() => {
    if (state) onPainted?.();
  }, [state]);

  if (error) return <main className="popup"><Header /><p className="notice error" role="alert">{error}</p></main>;
  if (!state) return <main className="popup" aria-busy="true"><Header /><p className="muted">Reading…</p></main>;

  const subject = state.subject;
  const locale = navigator.language;
  return (
    <main className="popup">
      <Header creatorKey={subject ? creatorKeyOf(subject.reading.platform, subject.reading.handle) : null} />
      {state.libraryError && <p className="notice error small" role="alert">{state.libraryError}</p>}
      {subject ? (
        <>
          <section className="stack" aria-labelledby="creator-name">
            <div className="spread">
              <div style={{ minWidth: 0 }}>
                <h1 id="creator-name" className="ellipsis"><bdi>{subject.reading.displayName ?? `@${subject.reading.handle}`}</bdi></h1>
                <p className="muted small">
                  @{subject.reading.handle} · {platformName(subject.reading.platform)} ·{' '}
                  {subject.source === 'page' ? 'read from this page' : `saved snapshot of ${dateTimeFormat(locale, { dateStyle: 'medium' }).format(subject.seenAt)}`}
                </p>
              </div>
              {saved === 'yes' ? (
                <span className="chip verdict-above" data-testid="saved">Saved ✓</span>
              ) : subject.source === 'page' && tab.id !== null ? (
                <button type="button" className="btn primary" disabled={saved === 'saving'}
                  onClick={async () => {
                    setSaved('saving');
                    setSaveError(null);
                    const r = await sendMessage('ui→bg:save-tab', { tabId: tab.id!, creatorKey: creatorKeyOf(subject.reading.platform, subject.reading.handle) }).catch(() => ({ ok: false as const, reason: 'The background did not answer.' }));
                    setSaved(r.ok ? 'yes' : 'no');
                    if (!r.ok) setSaveError(r.reason);
                  }}>
                  {saved === 'saving' ? 'Saving…' : 'Save'}
                </button>
              ) : null}
            </div>
            {saveError && <p className="notice error small" role="alert">{saveError}</p>}
            <CreatorSummary reading={subject.reading} view={subject.view} locale={locale} />
          </section>
          <section className="card stack" aria-label="Weigh a quoted fee">
            <QuoteForm reading={withKnownPosts(subject.reading, subject.view)} settings={subject.view?.settings ?? state.settings} locale={locale} openSettings={() => openDashboard('#/settings')}
              onKeep={(r) => sendMessage('ui→bg:keep-deal', { tabId: subject.source === 'page' ? tab.id : null, creatorKey: creatorKeyOf(subject.reading.platform, subject.reading.handle), ...r }).then((x) => {
                if (x.ok) setSaved('yes');
                return x.ok ? { ok: true as const } : x;
              })} />
          </section>
        </>
      ) : (
        <section className="stack">
          <p data-testid="message">{state.message}</p>
          {state.recent.length > 0 ? (
            <>
              <h2>Recently seen</h2>
              <ul className="recent">
                {state.recent.map((c) => (
                  <li key={c.key}>
                    <a href={dashboardUrl(`#/creator/${encodeURIComponent(c.key)}`)} target="_blank" rel="noreferrer">
                      <span className="ellipsis"><b><bdi>{c.displayName ?? `@${c.handle}`}</bdi></b> <span className="muted small">@{c.handle} · {platformName(c.platform)}</span></span>
                      <span className="num small">{compact(c.followers)}</span>
                    </a>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p className="muted small">Saved creators appear here. Open a profile and press Save on the Creator Lens panel or here.</p>
          )}
          <button type="button" className="btn primary" onClick={() => openDashboard()}>Open the dashboard</button>
        </section>
      )}
      {state.platform && <OverlaySwitch platform={state.platform} />}
    </main>
  );
}

function Header({ creatorKey }: { creatorKey?: string | null }) {
  return (
    <header className="spread popup-head">
      <span className="row brand"><span className="logo" aria-hidden="true" />Creator Lens</span>
      <button type="button" className="btn small ghost" onClick={() => openDashboard(creatorKey ? `#/creator/${encodeURIComponent(creatorKey)}` : '')}>
        Dashboard ↗
      </button>
    </header>
  );
}

/** Shows or hides the panel on this site (the content script listens to the same storage key). */
function OverlaySwitch({ platform }: { platform: Platform }) {
  const [prefs, setPrefs] = useState<OverlayPrefs | null>(null);
  useEffect(() => {
    browser.storage.local.get(prefsKey(platform)).then((got) => setPrefs({ ...DEFAULT_PREFS, ...((got[prefsKey(platform)] as Partial<OverlayPrefs>) ?? {}) }), () => setPrefs(DEFAULT_PREFS));
  }, [platform]);
  if (!prefs) return null;
  return (
    <footer className="popup-foot">
      <label className="switch">
        <input type="checkbox" checked={!prefs.hidden} data-testid="overlay-switch"
          onChange={(e) => {
            const next = { ...prefs, hidden: !e.target.checked };
            setPrefs(next);
            void browser.storage.local.set({ [prefsKey(platform)]: next });
          }} />
        Show the Creator Lens panel on {platformName(platform)}
      </label>
    </footer>
  );
}
