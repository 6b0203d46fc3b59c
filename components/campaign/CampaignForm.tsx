/** A campaign's details, goals and tracked-link pattern, with an example link built from them. */
import { useState } from 'react';
import { buildLink } from '@/lib/campaigns/links';
import { saveCampaign } from '@/lib/campaigns/store';
import { percentField, toFraction } from '@/lib/roi/percent';
import type { Campaign } from '@/lib/schema';
import { useLibrary } from '../dashboard/library-context';
import { dayInput, fromDayInput, numOrNull } from './fields';

export function CampaignForm({ campaign }: { campaign: Campaign }) {
  const { db } = useLibrary();
  const [d, setD] = useState(() => ({
    name: campaign.name, start: dayInput(campaign.start), end: dayInput(campaign.end), budget: campaign.budget?.toString() ?? '', currency: campaign.currency,
    targetRoi: campaign.goals.targetRoi === null ? '' : percentField(campaign.goals.targetRoi, 2), targetCpm: campaign.goals.targetCpm?.toString() ?? '',
    targetCpe: campaign.goals.targetCpe?.toString() ?? '', targetOrders: campaign.goals.targetOrders?.toString() ?? '', landingUrl: campaign.landingUrl, utmPattern: campaign.utmPattern,
  }));
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  // Open at first for a new campaign; after that the user opens and closes it.
  const [openAtFirst] = useState(() => !campaign.landingUrl && campaign.goals.targetRoi === null);
  const set = (k: keyof typeof d) => (e: { target: { value: string } }) => { setD({ ...d, [k]: e.target.value }); setStatus(null); };
  const example = d.landingUrl ? buildLink(d.landingUrl, d.utmPattern, { platform: 'instagram', handle: 'creator.handle', campaign: d.name || 'campaign' }) : null;
  return (
    <details className="card" open={openAtFirst}>
      <summary>Details, goals and tracked links</summary>
      <form className="stack" style={{ marginTop: 12 }} onSubmit={async (e) => {
        e.preventDefault();
        const roi = numOrNull(d.targetRoi);
        const next: Campaign = {
          ...campaign, name: d.name, start: fromDayInput(d.start), end: fromDayInput(d.end), budget: numOrNull(d.budget), currency: d.currency.toUpperCase(),
          goals: { targetRoi: roi === null ? null : toFraction(roi), targetCpm: numOrNull(d.targetCpm), targetCpe: numOrNull(d.targetCpe), targetOrders: numOrNull(d.targetOrders) },
          landingUrl: d.landingUrl.trim(), utmPattern: d.utmPattern,
        };
        if (Object.values(next.goals).concat(next.budget).some((v) => v !== null && !Number.isFinite(v))) return setStatus({ ok: false, text: 'Budget and goals are numbers (or empty for none).' });
        if (next.landingUrl && example && !example.ok) return setStatus({ ok: false, text: example.reason });
        const r = await saveCampaign(db, next);
        setStatus(r.ok ? { ok: true, text: 'Saved. Links already built stay as they are; rebuild them per creator below.' } : { ok: false, text: r.reason });
      }}>
        <div className="form-grid">
          <label>Name<input value={d.name} maxLength={200} onChange={set('name')} /></label>
          <label>Starts<input type="date" value={d.start} onChange={set('start')} /></label>
          <label>Ends<input type="date" value={d.end} onChange={set('end')} /></label>
          <label>Budget ({d.currency})<input inputMode="decimal" value={d.budget} onChange={set('budget')} /></label>
          <label>Currency<input value={d.currency} maxLength={3} onChange={set('currency')} /></label>
          <label>Target ROI (%)<input inputMode="decimal" value={d.targetRoi} placeholder="none" onChange={set('targetRoi')} /></label>
          <label>Target CPM ({d.currency})<input inputMode="decimal" value={d.targetCpm} placeholder="none" onChange={set('targetCpm')} /></label>
          <label>Target cost per engagement<input inputMode="decimal" value={d.targetCpe} placeholder="none" onChange={set('targetCpe')} /></label>
          <label>Target orders<input inputMode="numeric" value={d.targetOrders} placeholder="none" onChange={set('targetOrders')} /></label>
        </div>
        <label>Landing page of the tracked links<input value={d.landingUrl} placeholder="https://shop.example/spring" onChange={set('landingUrl')} /></label>
        <label>Link parameters ({'{platform}'}, {'{handle}'}, {'{campaign}'})<input value={d.utmPattern} onChange={set('utmPattern')} /></label>
        {example && <p className="small">{example.ok ? <>Example: <code className="link">{example.url}</code></> : <span className="down">{example.reason}</span>}</p>}
        <div className="row"><button type="submit" className="btn primary">Save campaign</button>{status && <span className={`small ${status.ok ? 'up' : 'down'}`} role="status">{status.text}</span>}</div>
      </form>
    </details>
  );
}
