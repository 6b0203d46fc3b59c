/** Small pieces shared by the campaign pages. */
import type { GoalCheck } from '@/lib/campaigns/actuals';
import { formatMoney } from '@/lib/roi/money';
import { pct } from '@/lib/ui/format';

export const money = (v: number | null | undefined, currency: string) =>
  v === null || v === undefined ? '—' : formatMoney(v, currency, navigator.language, { maximumFractionDigits: Math.abs(v) < 100 ? 2 : 0 });

/** Saves text as a file through the browser's download. */
export function download(name: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
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
