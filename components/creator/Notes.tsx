/** Free-text notes on a creator: rates, contacts, past work. */
import { useState } from 'react';
import { describeDbError } from '@/lib/db/errors';
import { setNotes } from '@/lib/db/creators';
import { useLibrary } from '../dashboard/library-context';

export function Notes({ creatorKey, notes }: { creatorKey: string; notes: string }) {
  const { db } = useLibrary();
  const [text, setText] = useState(notes);
  const [status, setStatus] = useState<string | null>(null);
  return (
    <section className="card stack" aria-labelledby="notes-title">
      <h2 id="notes-title">Notes</h2>
      <textarea aria-labelledby="notes-title" rows={6} maxLength={20_000} value={text} placeholder="Rates, contacts, audience, past work…" onChange={(e) => { setText(e.target.value); setStatus(null); }} />
      <div className="row">
        <button type="button" className="btn" disabled={text === notes}
          onClick={() => setNotes(db, creatorKey, text).then(() => setStatus('Saved.'), (e) => setStatus(e instanceof RangeError ? e.message : describeDbError(e)))}>Save notes</button>
        {status && <span className="small" role="status">{status}</span>}
      </div>
    </section>
  );
}
