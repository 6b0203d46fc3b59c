/**
 * The panel on a creator's profile: the numbers the page showed, engagement against the
 * benchmark, growth since the last snapshot, Save / add to list, and a quick fee field.
 * Untrusted text from the page (names, handles) is only ever rendered as text.
 */
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { formatCount, overlayModel, parseFee, POSITION_WORD, type CreatorView } from '@/lib/overlay/model';
import { formatMoney, formatPercent } from '@/lib/roi/money';
import { DELIVERABLES, type Deliverable } from '@/lib/roi/project';
import { quote } from '@/lib/roi/quote';
import type { PostBooking } from '@/lib/messaging';
import type { Platform, PostReading, ProfileReading } from '@/lib/sites/types';

export type OverlayState =
  | { kind: 'reading' }
  | { kind: 'profile'; reading: ProfileReading; view: CreatorView | null; libraryError: string | null }
  | { kind: 'post'; reading: PostReading; bookings: PostBooking[] }
  | { kind: 'unreadable'; message: string };

export type Result = { ok: true } | { ok: false; reason: string };

export interface OverlayActions {
  save(creatorKey: string): Promise<Result>;
  addToList(creatorKey: string, list: string): Promise<Result>;
  keepDeal(request: { creatorKey: string; fee: number; currency: string; deliverable: Deliverable }): Promise<Result>;
  markPost(bookingId: number): Promise<({ ok: true; bookings: PostBooking[] }) | { ok: false; reason: string }>;
}

/** Distance from the viewport's right and bottom edges, in px. */
export interface Position {
  right: number;
  bottom: number;
}

export interface OverlayProps {
  platform: Platform;
  state: OverlayState;
  locale: string | undefined;
  theme: 'light' | 'dark';
  collapsed: boolean;
  position: Position;
  onCollapse(collapsed: boolean): void;
  onMove(position: Position): void;
  actions: OverlayActions;
  /** Called after every render that shows a reading (performance marks). */
  onPainted?(): void;
}

const DEFAULT_DELIVERABLE: Record<Platform, Deliverable> = { instagram: 'post', tiktok: 'video', youtube: 'video' };

export function Overlay(props: OverlayProps) {
  const { state, locale, theme, collapsed, position, onCollapse, onMove, platform } = props;
  const rootRef = useRef<HTMLDivElement>(null);
  const pillRef = useRef<HTMLButtonElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const [dragPos, setDragPos] = useState<Position | null>(null);
  const drag = useRef<{ x: number; y: number; start: Position; moved: boolean } | null>(null);
  const where = dragPos ?? position;

  useEffect(() => {
    if (state.kind === 'profile') props.onPainted?.();
  });

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && !collapsed) {
      e.stopPropagation();
      onCollapse(true);
      requestAnimationFrame(() => pillRef.current?.focus());
    }
  };

  const clamp = (p: Position): Position => {
    const box = rootRef.current?.getBoundingClientRect();
    const w = box?.width ?? 300;
    const h = box?.height ?? 60;
    return { right: Math.min(Math.max(0, p.right), Math.max(0, innerWidth - w)), bottom: Math.min(Math.max(0, p.bottom), Math.max(0, innerHeight - h)) };
  };
  const onPointerDown = (e: PointerEvent) => {
    if ((e.target as Element).closest('button, input, select, a')) return;
    drag.current = { x: e.clientX, y: e.clientY, start: where, moved: false };
    (e.currentTarget as Element).setPointerCapture(e.pointerId);
  };
  const onPointerMove = (e: PointerEvent) => {
    const d = drag.current;
    if (!d) return;
    const dx = e.clientX - d.x;
    const dy = e.clientY - d.y;
    if (!d.moved && Math.abs(dx) + Math.abs(dy) < 4) return;
    d.moved = true;
    setDragPos(clamp({ right: d.start.right - dx, bottom: d.start.bottom - dy }));
  };
  const onPointerUp = () => {
    const d = drag.current;
    drag.current = null;
    if (d?.moved && dragPos) onMove(dragPos);
    setDragPos(null);
  };

  const model = useMemo(() => (state.kind === 'profile' ? overlayModel(state.reading, state.view, locale) : null), [state, locale]);
  const title = state.kind === 'profile' && model ? model.title : state.kind === 'post' && state.reading.handle ? `Post by @${state.reading.handle}` : 'Creator Lens';

  const head = (
    <div className="cl-head" onPointerDown={onPointerDown} onPointerMove={onPointerMove} onPointerUp={onPointerUp} onPointerCancel={onPointerUp}>
      <span className="cl-logo" aria-hidden="true" />
      <span className="cl-title">
        {title}
        {model && <small>@{model.handle}</small>}
      </span>
      <button ref={toggleRef} type="button" className="cl-iconbtn" aria-expanded={!collapsed} aria-label="Collapse Creator Lens" title="Collapse (Esc)" onClick={() => onCollapse(true)}>
        –
      </button>
    </div>
  );

  const style = { right: `${where.right}px`, bottom: `${where.bottom}px` };
  if (collapsed) {
    const summary = model ? [model.followers?.text, model.engagement && 'text' in model.engagement ? model.engagement.text : null].filter(Boolean).join(' · ') : '';
    return (
      <div ref={rootRef} className="cl-root" data-theme={theme} data-collapsed="true" style={style} role="region" aria-label="Creator Lens"
        onPointerDown={onPointerDown} onPointerMove={onPointerMove} onPointerUp={onPointerUp} onPointerCancel={onPointerUp}>
        <button ref={pillRef} type="button" className="cl-pill" aria-expanded="false" aria-label={`Expand Creator Lens${summary ? `: ${summary}` : ''}`}
          onClick={() => {
            onCollapse(false);
            requestAnimationFrame(() => toggleRef.current?.focus());
          }}>
          <span className="cl-logo" aria-hidden="true" />
          <span>{summary || 'Creator Lens'}</span>
        </button>
      </div>
    );
  }

  return (
    <div ref={rootRef} className="cl-root" data-theme={theme} data-collapsed="false" style={style} role="region" aria-label="Creator Lens" onKeyDown={onKeyDown}>
      {head}
      <div className="cl-body" aria-live="polite">
        {state.kind === 'reading' && <div className="cl-unknown">Reading this page…</div>}
        {state.kind === 'unreadable' && (
          <div className="cl-section">
            <div className="cl-value">Couldn’t read this page</div>
            <div className="cl-def">{state.message}</div>
          </div>
        )}
        {state.kind === 'post' && <PostBody key={`${state.reading.platform}:${state.reading.id}`} state={state} locale={locale} actions={props.actions} />}
        {state.kind === 'profile' && model && <ProfileBody key={`${state.reading.platform}:${state.reading.handle}`} {...props} state={state} model={model} platform={platform} />}
      </div>
    </div>
  );
}

/** A post page whose creator is booked in a campaign: its counts, and "mark as deliverable" per booking. */
function PostBody({ state, locale, actions }: { state: Extract<OverlayState, { kind: 'post' }>; locale: string | undefined; actions: OverlayActions }) {
  const { reading } = state;
  const [bookings, setBookings] = useState(state.bookings);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => setBookings(state.bookings), [state.bookings]);
  const n = (v: number | null, exact: boolean) => (v === null ? null : formatCount(v, !exact, locale));
  const counts = ([['views', reading.views, reading.exact.views], ['likes', reading.likes, reading.exact.likes], ['comments', reading.comments, reading.exact.comments], ['shares', reading.shares, reading.exact.shares]] as const)
    .map(([label, v, exact]) => [label, n(v, exact)] as const).filter(([, t]) => t !== null);
  return (
    <>
      {counts.length > 0 ? (
        <div className="cl-row">{counts.map(([label, t]) => <span key={label}><b>{t}</b> {label}</span>)}</div>
      ) : <div className="cl-unknown">This page shows no counts for the post.</div>}
      <div className="cl-section">
        <div className="cl-label">Campaign deliverable</div>
        {bookings.map((b) => (
          <div key={b.bookingId} className="cl-actions">
            {b.marked ? <span className="cl-saved">✓ Deliverable of {b.campaign}</span> : (
              <button type="button" className="cl-btn" disabled={busy} onClick={async () => {
                setBusy(true);
                setMessage(null);
                try {
                  const r = await actions.markPost(b.bookingId);
                  if (r.ok) setBookings(r.bookings);
                  else setMessage(r.reason);
                } catch {
                  setMessage('Creator Lens could not reach its background; reload the page and try again.');
                } finally {
                  setBusy(false);
                }
              }}>
                Mark as deliverable of {b.campaign}
              </button>
            )}
          </div>
        ))}
        <div className="cl-def">Each later visit to this page records its counts for the campaign.</div>
      </div>
      {message && <div className="cl-error" role="alert">{message}</div>}
    </>
  );
}

function ProfileBody(props: OverlayProps & { state: Extract<OverlayState, { kind: 'profile' }>; model: ReturnType<typeof overlayModel> }) {
  const { state, model, locale, actions, platform } = props;
  const { reading, view } = state;
  const creatorKey = `${reading.platform}:${reading.handle}`;
  const tipId = useId();
  const [showTip, setShowTip] = useState(false);
  const [saving, setSaving] = useState(false);
  const [savedNow, setSavedNow] = useState(false);
  const [lists, setLists] = useState<string[]>(view?.lists ?? []);
  const [listName, setListName] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [fee, setFee] = useState('');
  const [deliverable, setDeliverable] = useState<Deliverable>(DEFAULT_DELIVERABLE[platform]);
  const [kept, setKept] = useState<string | null>(null);
  const listsId = useId();

  useEffect(() => setLists(view?.lists ?? []), [view]);
  const saved = Boolean(view?.saved) || savedNow;
  const currency = view?.settings.currency ?? 'USD';
  const feeValue = parseFee(fee, locale);
  const q = useMemo(() => {
    if (feeValue === null) return null;
    return quote({
      platform, followers: reading.followers, recent: reading.recent, deliverable, fee: feeValue, currency,
      assumptions: view?.settings.assumptions ?? { ctr: null, cvr: null, aov: null, margin: null, targetRoi: 0 },
      tierBoundaries: view?.settings.tierBoundaries,
    });
  }, [feeValue, deliverable, reading, view, currency, platform]);

  const run = async (f: () => Promise<Result>, after: () => void) => {
    setSaving(true);
    setMessage(null);
    try {
      const r = await f();
      if (r.ok) after();
      else setMessage(r.reason);
    } catch {
      setMessage('Creator Lens could not reach its background; reload the page and try again.');
    } finally {
      setSaving(false);
    }
  };
  const money = (v: number) => formatMoney(v, currency, locale, { maximumFractionDigits: 0 });
  const pct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : formatPercent(v, locale, 0));

  return (
    <>
      <div>
        {model.followers ? (
          <div className="cl-big">
            {model.followers.text}
            <small>{model.followers.label}</small>
            {model.followers.approx && <span className="cl-sr"> (approximate: the page shows only an abbreviation)</span>}
          </div>
        ) : (
          <div className="cl-unknown">Followers not shown on this page</div>
        )}
        {model.others.length > 0 && (
          <div className="cl-row">
            {model.others.map((f) => (
              <span key={f.label}>
                <b>{f.text}</b> {f.label}
              </span>
            ))}
          </div>
        )}
        {model.growth && <div className={model.growth.up === true ? 'cl-up' : model.growth.up === false ? 'cl-down' : 'cl-def'}>{model.growth.text}</div>}
      </div>

      <div className="cl-section">
        <div className="cl-label">Engagement</div>
        {'text' in model.engagement ? (
          <>
            <div className="cl-value">{model.engagement.text}</div>
            <div className="cl-def">
              median of {model.engagement.postsUsed} recent {model.engagement.postsUsed === 1 ? 'post' : 'posts'} · {model.engagement.definition}
            </div>
          </>
        ) : (
          <div className="cl-unknown">Unknown: {model.engagement.unknown}</div>
        )}
        {model.tier && (
          <div className="cl-def">
            Tier: {model.tier.label}
          </div>
        )}
        {model.verdict && (
          <>
            <button type="button" className="cl-chip" data-position={model.verdict.position} aria-describedby={tipId} aria-expanded={showTip}
              onClick={() => setShowTip((v) => !v)} onMouseEnter={() => setShowTip(true)} onMouseLeave={() => setShowTip(false)} onFocus={() => setShowTip(true)} onBlur={() => setShowTip(false)}>
              {POSITION_WORD[model.verdict.position]} the {model.tier?.tier} band ({model.verdict.band})
            </button>
            <div id={tipId} className="cl-tip" hidden={!showTip}>
              Band: {model.verdict.band}, {model.verdict.definition}. Source: {model.verdict.source}.
            </div>
          </>
        )}
        {(model.reach || model.medianViews) && (
          <div className="cl-row">
            {model.medianViews && (
              <span>
                <b>{model.medianViews.text}</b> {model.medianViews.label}
              </span>
            )}
            {model.reach && (
              <span title={model.reach.definition}>
                <b>{model.reach.text}</b> {model.reach.definition}
              </span>
            )}
          </div>
        )}
      </div>

      <div className="cl-actions">
        {saved ? (
          <>
            <span className="cl-saved">Saved ✓</span>
            {lists.length > 0 && <span className="cl-def">in {lists.join(', ')}</span>}
          </>
        ) : (
          <button type="button" className="cl-btn" disabled={saving} onClick={() => void run(() => props.actions.save(creatorKey), () => setSavedNow(true))}>
            {saving ? 'Saving…' : 'Save'}
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
          <button type="submit" className="cl-btn" data-variant="ghost" disabled={saving || !listName.trim()}>Add</button>
        </form>
      )}

      <div className="cl-section">
        <label className="cl-label" htmlFor={`${tipId}-fee`}>Quoted fee ({currency})</label>
        <div className="cl-fee">
          <input id={`${tipId}-fee`} className="cl-input" inputMode="decimal" placeholder="e.g. 1500" value={fee} maxLength={20} onChange={(e) => { setFee(e.target.value); setKept(null); }} />
          <select className="cl-select" aria-label="Deliverable" value={deliverable} onChange={(e) => setDeliverable(e.target.value as Deliverable)}>
            {DELIVERABLES.map((d) => <option key={d} value={d}>{d}</option>)}
          </select>
        </div>
        {fee.trim() && feeValue === null && <div className="cl-error">Type the fee as a number, e.g. 1500.</div>}
        {q && !q.ok && <div className="cl-error">{q.reason}</div>}
        {q && q.ok && (
          <>
            <dl className="cl-results" aria-label="Projection">
              <dt>ROI (P10–P90)</dt>
              <dd>{q.range.roi ? `${pct(q.range.roi.p10)} to ${pct(q.range.roi.p90)}` : '—'}</dd>
              <dt>ROI median</dt>
              <dd>{pct(q.range.roi?.p50)}</dd>
              <dt>Break-even</dt>
              <dd>{q.range.expected.breakEvenOrders === null ? '—' : `${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(Math.ceil(q.range.expected.breakEvenOrders))} orders`}</dd>
              <dt>Chance to break even</dt>
              <dd>{pct(q.range.probabilityBreakEven)}</dd>
              <dt>Highest fee worth paying</dt>
              <dd>{q.range.expected.maxFee > 0 ? money(q.range.expected.maxFee) : 'none reaches the target'}</dd>
            </dl>
            <div className="cl-actions">
              <button type="button" className="cl-btn" data-variant="ghost" disabled={saving || kept !== null}
                onClick={() => void run(() => actions.keepDeal({ creatorKey, fee: feeValue!, currency, deliverable }), () => setKept('Kept as a deal ✓'))}>
                Keep as deal
              </button>
              {kept && <span className="cl-saved">{kept}</span>}
            </div>
            <details className="cl-foot">
              <summary>Assumptions used</summary>
              <ul>
                <li>Impressions {new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(q.assumptions.impressions.expected)}: {q.assumptions.impressions.source}</li>
                <li>CTR {pct2(q.assumptions.ctr.expected, locale)}: {q.assumptions.ctr.source}</li>
                <li>CVR {pct2(q.assumptions.cvr.expected, locale)}: {q.assumptions.cvr.source}</li>
                <li>Order value {money(q.assumptions.aov.expected)}: {q.assumptions.aov.source}</li>
                <li>Margin {pct(q.assumptions.margin.expected)}: {q.assumptions.margin.source}</li>
              </ul>
            </details>
          </>
        )}
      </div>
      {message && <div className="cl-error" role="alert">{message}</div>}
    </>
  );
}

const pct2 = (v: number, locale: string | undefined) => formatPercent(v, locale, 2);
