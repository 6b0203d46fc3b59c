/** A campaign's or a booking's goals as chips: met, missed or not known yet. */
import type { GoalCheck } from '@/lib/campaigns/actuals';
import { money, pct } from '@/lib/view/format';

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
