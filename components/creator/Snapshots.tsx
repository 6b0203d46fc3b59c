/** Every snapshot of a creator, newest first, with the numbers as the page showed them. */
import { useMemo, useState } from 'react';
import { formatCount } from '@/lib/view/creator';
import type { Snapshot } from '@/lib/schema';
import type { Platform } from '@/lib/sites/types';
import { dateTime } from '@/lib/view/format';
import { capital } from '@/lib/view/format';
import { vocabularyOf } from '@/lib/sites/platforms';

export function Snapshots({ snapshots, platform }: { snapshots: Snapshot[]; platform: Platform }) {
  const [all, setAll] = useState(false);
  const newest = useMemo(() => [...snapshots].reverse(), [snapshots]);
  const shown = all ? newest : newest.slice(0, 50);
  const cell = (s: Snapshot, k: 'followers' | 'following' | 'posts' | 'likes' | 'views') => (s[k] === null ? '—' : formatCount(s[k]!, !s.exact[k], navigator.language));
  return (
    <section className="card stack" aria-labelledby="snapshots-title">
      <h2 id="snapshots-title">Snapshots <span className="muted count">{snapshots.length}</span></h2>
      <p className="muted small">Numbers as the page showed them; “≈” where it showed only an abbreviation, “—” where it showed nothing.</p>
      <div className="table-wrap">
        <table className="plain" data-testid="snapshots">
          <thead><tr><th scope="col">Taken</th><th scope="col">How</th><th scope="col" className="n">{capital(vocabularyOf(platform).followers)}</th><th scope="col" className="n">Following</th><th scope="col" className="n">{capital(vocabularyOf(platform).posts)}</th><th scope="col" className="n">Likes</th><th scope="col" className="n">Views</th></tr></thead>
          <tbody>
            {shown.map((s) => (
              <tr key={s.takenAt}>
                <td>{dateTime(s.takenAt)}</td>
                <td>{s.source === 'manual' ? 'saved' : 'visit'}</td>
                <td className="n num">{cell(s, 'followers')}</td>
                <td className="n num">{cell(s, 'following')}</td>
                <td className="n num">{cell(s, 'posts')}</td>
                <td className="n num">{cell(s, 'likes')}</td>
                <td className="n num">{cell(s, 'views')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {!all && newest.length > 50 && <button type="button" className="btn" onClick={() => setAll(true)}>Show all {newest.length}</button>}
    </section>
  );
}
