/**
 * A creator's recent posts as the library keeps them: date, kind, views, likes, comments
 * (and shares on TikTok), the engagement rate, pinned / sponsored / collab marks and a link;
 * sortable by each column (lib/view/recent-posts.ts).
 */
import { useMemo, useState } from 'react';
import type { Platform, RecentPost } from '@/lib/sites/types';
import { formatCount } from '@/lib/view/creator';
import { date, pct } from '@/lib/view/format';
import { postRows, sortPosts, type PostColumn, type PostSort } from '@/lib/view/recent-posts';
import { vocabularyOf } from '@/lib/sites/platforms';

const KIND_WORD: Record<NonNullable<RecentPost['kind']>, string> = { photo: 'Photo', carousel: 'Carousel', reel: 'Reel', video: 'Video', short: 'Short' };

const RATE_OF: Record<Platform, string> = {
  instagram: '(likes + comments) / followers',
  tiktok: '(likes + comments + shares) / views',
  youtube: '(likes + comments) / views',
};

const SHOWN = 60;

export function RecentPosts({ posts, platform, followers }: { posts: RecentPost[]; platform: Platform; followers: number | null }) {
  const [sort, setSort] = useState<PostSort>({ key: 'published', dir: 'desc' });
  const [all, setAll] = useState(false);
  const rows = useMemo(() => sortPosts(postRows(posts, platform, followers), sort), [posts, platform, followers, sort]);
  const shown = all ? rows : rows.slice(0, SHOWN);
  const locale = navigator.language;
  const count = (p: RecentPost, k: 'views' | 'likes' | 'comments' | 'shares') => {
    if (k === 'likes' && p.likesHidden) return 'hidden';
    const v = p[k];
    return v === null ? '—' : formatCount(v, !p.exact[k], locale);
  };
  const columns: { key: PostColumn; label: string; numeric?: boolean }[] = [
    { key: 'published', label: 'Published' },
    { key: 'kind', label: 'Kind' },
    { key: 'views', label: 'Views', numeric: true },
    { key: 'likes', label: 'Likes', numeric: true },
    { key: 'comments', label: 'Comments', numeric: true },
    ...(platform === 'tiktok' ? [{ key: 'shares' as const, label: 'Shares', numeric: true }] : []),
    { key: 'rate', label: 'Engagement', numeric: true },
  ];
  const toggle = (key: PostColumn) => setSort((s) => (s.key === key ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: key === 'kind' ? 'asc' : 'desc' }));

  return (
    <section className="card stack" aria-labelledby="recent-posts-title">
      <h2 id="recent-posts-title">Recent {vocabularyOf(platform).posts} <span className="muted count">{posts.length}</span></h2>
      {posts.length === 0 ? (
        <p className="muted">No posts kept yet. Open the profile with the panel on: the posts the page loads are kept with each visit.</p>
      ) : (
        <>
          <p className="muted small">
            As the page’s own data gave them; “≈” where it gave only an abbreviation, “—” where it gave nothing. Engagement per post: {RATE_OF[platform]}.
          </p>
          <div className="table-wrap">
            <table className="plain" data-testid="recent-posts">
              <thead>
                <tr>
                  {columns.map((c) => (
                    <th key={c.key} scope="col" className={c.numeric ? 'n' : undefined} aria-sort={sort.key === c.key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
                      <button type="button" className="sort" onClick={() => toggle(c.key)}>
                        {c.label}<span aria-hidden="true">{sort.key === c.key ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}</span>
                      </button>
                    </th>
                  ))}
                  <th scope="col">Marks</th>
                  <th scope="col"><span className="visually-hidden">Link</span></th>
                </tr>
              </thead>
              <tbody>
                {shown.map(({ post: p, rate }) => (
                  <tr key={p.id}>
                    <td>{p.publishedAt !== null ? date(p.publishedAt) : (p.publishedText ?? '—')}</td>
                    <td>{p.kind ? KIND_WORD[p.kind] : '—'}</td>
                    <td className="n num">{count(p, 'views')}</td>
                    <td className="n num">{count(p, 'likes')}</td>
                    <td className="n num">{count(p, 'comments')}</td>
                    {platform === 'tiktok' && <td className="n num">{count(p, 'shares')}</td>}
                    <td className="n num">{pct(rate)}</td>
                    <td>{[p.pinned && 'pinned', p.sponsored && 'sponsored', p.collab && 'collab'].filter(Boolean).join(', ') || ''}</td>
                    <td><a href={p.url} target="_blank" rel="noreferrer noopener" aria-label={`Open the ${p.kind ?? 'post'} of ${p.publishedAt !== null ? date(p.publishedAt) : (p.publishedText ?? 'unknown date')}`}>Open ↗</a></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {!all && rows.length > SHOWN && <button type="button" className="btn" onClick={() => setAll(true)}>Show all {rows.length}</button>}
        </>
      )}
    </section>
  );
}
