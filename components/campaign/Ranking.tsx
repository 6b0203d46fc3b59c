/**
 * The ranking of creators to book again across campaigns: by actual ROI where sales were
 * reported, then by cost per engagement, with the attribution caveat; exportable as CSV.
 * On the Campaigns page, and (print) in the client report.
 */
import { ATTRIBUTION_CAVEAT, rankingCsv, type RankRow } from '@/lib/campaigns/ranking';
import { money, signedPct } from '@/lib/view/format';
import { download } from '../ui/download';
import { isPlatform, platformName } from '@/lib/sites/platforms';

export function Ranking({ rows, print }: { rows: RankRow[]; print?: boolean }) {
  return (
    <section className="card stack" aria-labelledby="rank-title">
      <div className="spread">
        <h2 id="rank-title">Which creators to book again</h2>
        {!print && rows.length > 0 && (
          <div className="row no-print">
            <button type="button" className="btn" onClick={() => download(`creator-lens-rebook-${new Date().toISOString().slice(0, 10)}.csv`, rankingCsv(rows), 'text/csv')}>Export CSV</button>
            <a className="btn" href="#/report">Report for a client</a>
          </div>
        )}
      </div>
      {rows.length === 0 ? <p className="muted">Book creators in a campaign and enter what they brought in; they are ranked here by actual ROI.</p> : (
        <>
          <p className="muted small">Ranked by actual ROI where sales were reported; then, where they were not, by cost per engagement of the delivered posts.</p>
          <div className="table-wrap">
            <table className="plain" data-testid="ranking">
              <thead><tr><th scope="col" className="n">#</th><th scope="col">Creator</th><th scope="col">Campaigns</th><th scope="col" className="n">Cost</th><th scope="col" className="n">Revenue</th><th scope="col" className="n">Actual ROI</th><th scope="col" className="n">Cost per engagement</th><th scope="col">Ranked by</th></tr></thead>
              <tbody>
                {rows.map((r, i) => (
                  <tr key={`${r.creatorKey} ${r.currency}`}>
                    <td className="n num">{r.basis === 'none' ? '—' : i + 1}</td>
                    <td><a href={`#/creator/${encodeURIComponent(r.creatorKey)}`}>{r.name}</a><div className="muted small">{isPlatform(r.platform) ? platformName(r.platform) : r.platform}</div></td>
                    <td className="small">{r.campaigns.join(', ')}</td>
                    <td className="n num">{money(r.figures.cost, r.currency)}</td>
                    <td className="n num">{r.figures.revenue === null ? '—' : money(r.figures.revenue, r.currency)}{r.undercounts && <sup title={ATTRIBUTION_CAVEAT}> *</sup>}</td>
                    <td className="n num">{signedPct(r.figures.roi)}</td>
                    <td className="n num">{r.figures.cpe === null ? '—' : money(r.figures.cpe, r.currency)}</td>
                    <td className="small">{r.basis === 'sales' ? 'actual ROI' : r.basis === 'engagement' ? 'cost per engagement (no sales reported)' : 'not ranked: no results yet'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {rows.some((r) => r.undercounts) && <p className="notice small" data-testid="caveat">* {ATTRIBUTION_CAVEAT}</p>}
        </>
      )}
    </section>
  );
}
