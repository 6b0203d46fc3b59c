/**
 * The user's part of the panel on a creator's profile, drawn in the panel's frame (an
 * extension page the site cannot read or listen to; lib/protocol/panel.ts): growth since the
 * last visit, Save / add to list, and the quick quote. The creator's figures above it are
 * ProfileFigures, in the shadow root.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import type { Platform } from '@/lib/sites/types';
import { overlayModel } from '@/lib/view/creator';
import { QuickQuote } from './QuickQuote';
import type { OverlayActions, OverlayState } from './types';
import { useAction } from './use-action';
import { creatorKeyOf } from '@/lib/keys';

export interface ProfilePanelProps {
  state: Extract<OverlayState, { kind: 'profile' }>;
  platform: Platform;
  locale: string | undefined;
  actions: OverlayActions;
}

export function ProfilePanel({ state, platform, locale, actions }: ProfilePanelProps) {
  const { reading, view } = state;
  const creatorKey = creatorKeyOf(reading.platform, reading.handle);
  const { busy, message, run } = useAction();
  const [savedNow, setSavedNow] = useState(false);
  const [lists, setLists] = useState<string[]>(view?.lists ?? []);
  const [listName, setListName] = useState('');
  const listsId = useId();

  useEffect(() => setLists(view?.lists ?? []), [view]);
  const saved = Boolean(view?.saved) || savedNow;
  // Growth is the user's history of this creator: drawn here, not with the page's figures.
  const growth = useMemo(() => overlayModel(reading, view, locale).growth, [reading, view, locale]);

  return (
    <>
      {growth && <div className={`small ${growth.up === true ? 'up cl-up' : growth.up === false ? 'down cl-down' : 'muted cl-def'}`}>{growth.text}</div>}

      <div className="cl-actions">
        {saved ? (
          <>
            <span className="cl-saved">Saved ✓</span>
            {lists.length > 0 && <span className="cl-def">in {lists.join(', ')}</span>}
          </>
        ) : (
          <button type="button" className="cl-btn" disabled={busy} onClick={() => void run(() => actions.save(creatorKey), () => setSavedNow(true))}>
            {busy ? 'Saving…' : 'Save'}
          </button>
        )}
        {actions.openDashboard && (
          <button type="button" className="cl-btn cl-dash" data-variant="ghost" data-testid="open-dashboard"
            onClick={() => void run(() => actions.openDashboard!('creator', saved ? creatorKey : null), () => {})}>
            {saved ? 'In the dashboard ↗' : 'Dashboard ↗'}
          </button>
        )}
        {state.libraryError && <span className="cl-error">{state.libraryError}</span>}
      </div>
      {saved && (
        <form className="cl-fee" style={{ gridTemplateColumns: '1fr auto' }}
          onSubmit={(e) => {
            e.preventDefault();
            const name = listName.trim();
            if (name) void run(() => actions.addToList(creatorKey, name), () => { setLists((l) => (l.includes(name) ? l : [...l, name])); setListName(''); });
          }}>
          <input className="cl-input" aria-label="Add to list" placeholder="Add to list…" list={listsId} value={listName} maxLength={100} onChange={(e) => setListName(e.target.value)} />
          <datalist id={listsId}>{(view?.allLists ?? []).map((l) => <option key={l} value={l} />)}</datalist>
          <button type="submit" className="cl-btn" data-variant="ghost" disabled={busy || !listName.trim()}>Add</button>
        </form>
      )}

      <QuickQuote creatorKey={creatorKey} platform={platform} reading={reading} view={view} locale={locale} keepDeal={actions.keepDeal} busy={busy} run={run}
        openSettings={actions.openDashboard && (() => void run(() => actions.openDashboard!('settings', null), () => {}))} />
      {message && <div className="cl-error" role="alert">{message}</div>}
    </>
  );
}
