/** Booking a saved creator into a campaign: fee, extra costs, deliverables and code (the projection is made then and kept). */
import { useMemo, useState } from 'react';
import { bookCreator } from '@/lib/campaigns/store';
import { parseFee } from '@/lib/view/creator';
import { DELIVERABLES, type Deliverable } from '@/lib/roi/project';
import type { Campaign } from '@/lib/schema';
import { useLibrary } from '../dashboard/library-context';
import { defaultDeliverableOf, platformName } from '@/lib/sites/platforms';

export function BookForm({ campaign, booked }: { campaign: Campaign; booked: Set<string> }) {
  const { db, creators } = useLibrary();
  const [who, setWho] = useState('');
  const [fee, setFee] = useState('');
  const [extra, setExtra] = useState('');
  const [deliverable, setDeliverable] = useState<Deliverable | null>(null);
  const [deliverables, setDeliverables] = useState('');
  const [code, setCode] = useState('');
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const options = useMemo(() => new Map((creators ?? []).filter((c) => c.savedAt !== null).map((c) => [`${c.displayName ?? c.handle} (@${c.handle}, ${platformName(c.platform)})`, c])), [creators]);
  const creator = options.get(who);
  const d = deliverable ?? (creator ? defaultDeliverableOf(creator.platform) : 'post');
  return (
    <form className="card stack" aria-labelledby="book-title" onSubmit={async (e) => {
      e.preventDefault();
      if (!creator) return setStatus({ ok: false, text: 'Choose a saved creator from the list.' });
      const f = parseFee(fee, navigator.language);
      const x = extra.trim() ? parseFee(extra, navigator.language) : 0;
      if (f === null) return setStatus({ ok: false, text: 'Type the agreed fee as a number.' });
      if (x === null) return setStatus({ ok: false, text: 'Extra costs are a number (or empty).' });
      const r = await bookCreator(db, campaign.id!, { creatorKey: creator.key, fee: f, extraCosts: x, deliverable: d, deliverables, code });
      if (!r.ok) return setStatus({ ok: false, text: r.reason });
      setStatus({ ok: true, text: `Booked @${creator.handle}.` });
      setWho(''); setFee(''); setExtra(''); setDeliverables(''); setCode(''); setDeliverable(null);
    }}>
      <h2 id="book-title">Book a creator</h2>
      <div className="form-grid">
        <label className="wide">Saved creator<input list="book-options" value={who} placeholder="Type a name or @handle" onChange={(e) => { setWho(e.target.value); setStatus(null); }} /></label>
        <datalist id="book-options">{[...options.keys()].filter((k) => !booked.has(options.get(k)!.key)).slice(0, 300).map((k) => <option key={k} value={k} />)}</datalist>
        <label>Agreed fee ({campaign.currency})<input inputMode="decimal" value={fee} onChange={(e) => setFee(e.target.value)} /></label>
        <label>Extra costs<input inputMode="decimal" value={extra} placeholder="product, shipping…" onChange={(e) => setExtra(e.target.value)} /></label>
        <label>Main deliverable<select value={d} onChange={(e) => setDeliverable(e.target.value as Deliverable)}>{DELIVERABLES.map((x) => <option key={x} value={x}>{x}</option>)}</select></label>
        <label>Deliverables agreed<input value={deliverables} maxLength={500} placeholder="1 reel + 3 stories" onChange={(e) => setDeliverables(e.target.value)} /></label>
        <label>Discount code<input value={code} maxLength={64} placeholder="e.g. MAYA15" onChange={(e) => setCode(e.target.value)} /></label>
      </div>
      <div className="row"><button type="submit" className="btn primary" disabled={!who}>Book</button>{status && <span className={`small ${status.ok ? 'up' : 'down'}`} role={status.ok ? 'status' : 'alert'}>{status.text}</span>}</div>
    </form>
  );
}
