/** One booking: its tracked link and code, the results from the user's reports, and the posts it delivered. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { buildLink } from '@/lib/campaigns/links';
import { editBooking, markPost, unmarkPost } from '@/lib/campaigns/store';
import { postsOf } from '@/lib/db/posts';
import type { Booking, Campaign, PostObservation } from '@/lib/schema';
import { compact, dateTime, money } from '@/lib/view/format';
import { useLibrary } from '../dashboard/library-context';
import { deliveredName, DeliveredPostsChart } from './DeliveredPostsChart';
import { numOrNull } from './fields';

export function BookingPanel({ booking: b, campaign, observations }: { booking: Booking; campaign: Campaign; observations: PostObservation[] }) {
  const { db, creators } = useLibrary();
  const creator = creators?.find((c) => c.key === b.creatorKey);
  const [link, setLink] = useState(b.link);
  const [code, setCode] = useState(b.code);
  const [clicks, setClicks] = useState(b.actual.clicks?.toString() ?? '');
  const [orders, setOrders] = useState(b.actual.orders?.toString() ?? '');
  const [revenue, setRevenue] = useState(b.actual.revenue?.toString() ?? '');
  const [postUrl, setPostUrl] = useState('');
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const posts = useLiveQuery(() => postsOf(db, b.creatorKey), [b.creatorKey]);
  const name = creator?.displayName ?? b.creatorKey;
  const report = (r: { ok: true } | { ok: false; reason: string }, ok: string) => setStatus(r.ok ? { ok: true, text: ok } : { ok: false, text: r.reason });
  const rebuilt = creator && campaign.landingUrl ? buildLink(campaign.landingUrl, campaign.utmPattern, { platform: creator.platform, handle: creator.handle, campaign: campaign.name }) : null;

  return (
    <section className="card stack booking" aria-label={`${name}: link, posts and results`} data-testid={`panel-${b.creatorKey}`}>
      <div className="spread"><h2><bdi>{name}</bdi> <span className="muted small">{b.deliverables || b.deliverable}</span></h2><span className="muted small">fee {money(b.fee, campaign.currency)}{b.extraCosts ? ` + ${money(b.extraCosts, campaign.currency)} extra` : ''}</span></div>
      <div className="two-col">
        <div className="stack">
          <h3>Tracked link and code</h3>
          <div className="row">
            <input className="grow link" aria-label={`Tracked link for ${name}`} value={link} placeholder="Set the campaign’s landing page to build one" onChange={(e) => setLink(e.target.value)} />
            <button type="button" className="btn" disabled={!link} onClick={() => navigator.clipboard.writeText(link).then(() => setStatus({ ok: true, text: 'Link copied.' }), () => setStatus({ ok: false, text: 'The browser refused the clipboard; select the link and copy it.' }))}>Copy</button>
            {rebuilt?.ok && rebuilt.url !== link && <button type="button" className="btn ghost small" onClick={() => setLink(rebuilt.url)}>Rebuild from the campaign’s pattern</button>}
          </div>
          <div className="row">
            <label>Discount code<input aria-label={`Discount code for ${name}`} value={code} maxLength={64} onChange={(e) => setCode(e.target.value)} /></label>
            <button type="button" className="btn" disabled={link === b.link && code === b.code} onClick={async () => report(await editBooking(db, b.id!, { link, code }), 'Link and code saved.')}>Save link and code</button>
          </div>
          <h3>Results from your reports</h3>
          <div className="row">
            <label>Clicks<input aria-label={`Clicks for ${name}`} inputMode="numeric" size={8} value={clicks} onChange={(e) => setClicks(e.target.value)} /></label>
            <label>Orders<input aria-label={`Orders for ${name}`} inputMode="numeric" size={8} value={orders} onChange={(e) => setOrders(e.target.value)} /></label>
            <label>Revenue ({campaign.currency})<input aria-label={`Revenue for ${name}`} inputMode="decimal" size={10} value={revenue} onChange={(e) => setRevenue(e.target.value)} /></label>
            <button type="button" className="btn" onClick={async () => {
              const actual = { clicks: numOrNull(clicks), orders: numOrNull(orders), revenue: numOrNull(revenue) };
              report(await editBooking(db, b.id!, { actual }), 'Results saved.');
            }}>Save results</button>
          </div>
          {b.actual.updatedAt && <p className="muted small">Last updated {dateTime(b.actual.updatedAt)}.</p>}
        </div>
        <div className="stack">
          <h3>Delivered posts</h3>
          <form className="row" onSubmit={async (e) => {
            e.preventDefault();
            const r = await markPost(db, b.id!, postUrl);
            report(r.ok ? { ok: true } : r, 'Post marked: each visit to its page now records its counts.');
            if (r.ok) setPostUrl('');
          }}>
            <input className="grow" aria-label={`Post or video URL delivered by ${name}`} value={postUrl} placeholder="Paste the post’s address" onChange={(e) => setPostUrl(e.target.value)} />
            <button type="submit" className="btn" disabled={!postUrl.trim()}>Mark as deliverable</button>
          </form>
          {b.postKeys.length === 0 ? <p className="muted small">No post marked yet. Paste its address here, or open the post and press “Mark as deliverable” on the Creator Lens panel; each later visit to its page then records its counts.</p> : (
            <ul className="posts">
              {b.postKeys.map((k) => {
                const obs = observations.filter((o) => o.postKey === k).sort((x, y) => x.takenAt - y.takenAt);
                const last = obs.at(-1);
                return (
                  <li key={k} className="spread">
                    <span>{deliveredName(k, b.postKeys.indexOf(k), posts ?? [])} <span className="muted small">{last ? `${last.views !== null ? `${compact(last.views)} views · ` : ''}${last.likes !== null ? `${compact(last.likes)} likes · ` : ''}${obs.length} ${obs.length === 1 ? 'visit' : 'visits'}, last ${dateTime(last.takenAt)}` : 'not visited since marked'}</span></span>
                    <button type="button" className="btn small ghost" aria-label={`Remove ${deliveredName(k, b.postKeys.indexOf(k), posts ?? [])} from the tracked posts`} onClick={() => void unmarkPost(db, b.id!, k)}>Remove</button>
                  </li>
                );
              })}
            </ul>
          )}
          {observations.length > 0 && posts && <DeliveredPostsChart observations={observations} organic={posts.filter((p) => !b.postKeys.includes(p.key))} delivered={posts.filter((p) => b.postKeys.includes(p.key))} platform={b.creatorKey.split(':')[0]!} />}
        </div>
      </div>
      {status && <p className={`small ${status.ok ? 'up' : 'down'}`} role={status.ok ? 'status' : 'alert'}>{status.text}</p>}
    </section>
  );
}
