/**
 * The dashboard's first-run setup: the two figures of the user's own business the return
 * needs (average order value and gross margin). Until both are the user's, every fee gets
 * its price against the market and no return (lib/roi/quote.ts hasOwnEconomics). Saved into
 * the settings as the user's exact figures (low = expected = high); "Not now" hides it for
 * this visit.
 */
import { useState } from 'react';
import { updateSettings } from '@/lib/db/settings';
import { describeDbError } from '@/lib/db/errors';
import { hasOwnEconomics } from '@/lib/roi/quote';
import { useLibrary } from './library-context';

let dismissed = false;

export function FirstRun() {
  const { db, settings } = useLibrary();
  const [hidden, setHidden] = useState(dismissed);
  const [aov, setAov] = useState('');
  const [margin, setMargin] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (!settings || hidden || hasOwnEconomics(settings.assumptions)) return null;
  const num = (t: string) => (t.trim() === '' ? NaN : Number(t.trim().replace(',', '.')));
  const save = async () => {
    const a = num(aov);
    const m = num(margin) / 100;
    if (!(a > 0)) return setError('Type your average order value, more than 0.');
    if (!(m > 0 && m <= 1)) return setError('Type your gross margin in %, more than 0 and at most 100.');
    try {
      await updateSettings(db, { assumptions: { ...settings.assumptions, aov: { low: a, expected: a, high: a }, margin: { low: m, expected: m, high: m } } });
    } catch (e) {
      setError(describeDbError(e));
    }
  };
  return (
    <section className="card stack first-run" aria-labelledby="first-run-title" data-testid="first-run">
      <h2 id="first-run-title">Two figures of yours, to see the return</h2>
      <p className="small">Every quoted fee is judged against the market at once. The return (ROI, break-even orders, the highest fee worth paying) needs your own average order value and gross margin: Creator Lens has no figure for your business, so it shows no return until you give them.</p>
      <form className="row" onSubmit={(e) => { e.preventDefault(); void save(); }}>
        <label>Average order value ({settings.currency})<input inputMode="decimal" size={8} value={aov} onChange={(e) => { setAov(e.target.value); setError(null); }} /></label>
        <label>Gross margin (%)<input inputMode="decimal" size={6} value={margin} onChange={(e) => { setMargin(e.target.value); setError(null); }} /></label>
        <button type="submit" className="btn primary">Save</button>
        <button type="button" className="btn ghost" onClick={() => { dismissed = true; setHidden(true); }}>Not now</button>
      </form>
      {error && <p className="notice error small" role="alert">{error}</p>}
      <p className="muted small">Click-through and conversion stay assumptions, labelled beside every result; change them and the ranges in <a href="#/settings">settings</a>.</p>
    </section>
  );
}
