/** A post page whose creator is booked in a campaign: its counts, and "mark as deliverable" per booking. */
import { useEffect, useState } from 'react';
import { formatCount } from '@/lib/view/creator';
import type { OverlayActions, OverlayState } from './types';
import { useAction } from './use-action';

export function PostPanel({ state, locale, actions }: { state: Extract<OverlayState, { kind: 'post' }>; locale: string | undefined; actions: OverlayActions }) {
  const { reading } = state;
  const [bookings, setBookings] = useState(state.bookings);
  const { busy, message, run } = useAction();
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
              <button type="button" className="cl-btn" disabled={busy} onClick={() => void run(() => actions.markPost(b.bookingId), (r) => setBookings(r.bookings))}>
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
