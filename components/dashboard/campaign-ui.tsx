/** Small pieces shared by the campaign pages. */
import { useLiveQuery } from 'dexie-react-hooks';
import { latestByPost, type GoalCheck } from '@/lib/campaigns/actuals';
import { money, pct } from '@/lib/ui/format';
import { useLibrary } from './library-context';

export { money };

/** Every campaign (newest first), every booking, and each tracked post's latest counts, kept up to date. */
export function useCampaignData() {
  const { db } = useLibrary();
  const campaigns = useLiveQuery(() => db.campaigns.orderBy('createdAt').reverse().toArray(), []);
  const bookings = useLiveQuery(() => db.bookings.toArray(), []);
  const observations = useLiveQuery(() => db.postObservations.toArray(), []);
  return { campaigns, bookings, latest: observations ? latestByPost(observations) : null };
}

const target = (g: GoalCheck, currency: string) => (g.goal === 'targetRoi' ? `≥ ${pct(g.target, 0)}` : g.goal === 'targetOrders' ? `≥ ${g.target}` : `≤ ${money(g.target, currency)}`);

/** Each goal: met, missed or not known yet. */
export function GoalChips({ checks, currency = 'USD' }: { checks: GoalCheck[]; currency?: string }) {
  if (!checks.length) return <span className="muted small">no goals set</span>;
  return (
    <span className="row" style={{ gap: 4 }}>
      {checks.map((g) => (
        <span key={g.goal} className={`chip ${g.met === true ? 'verdict-above' : g.met === false ? 'verdict-below' : ''}`} title={`${g.label} ${target(g, currency)}`}>
          {g.met === true ? '✓' : g.met === false ? '✗' : '?'} {g.label} {target(g, currency)}
        </span>
      ))}
    </span>
  );
}
