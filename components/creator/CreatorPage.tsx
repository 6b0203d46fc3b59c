/**
 * One creator: the latest numbers and engagement against the band, history charts
 * (followers over time, engagement of recent posts against the band, growth per week),
 * a quote form, the deals kept (with the assumptions used), lists, tags, notes and every
 * snapshot. Each of those is its own file here.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { postsOf } from '@/lib/db/posts';
import { history } from '@/lib/db/snapshots';
import type { CreatorView } from '@/lib/view/creator';
import { date, dateTime } from '@/lib/view/format';
import { readingFromLibrary } from '@/lib/library/as-reading';
import { useLibrary } from '../dashboard/library-context';
import { CreatorSummary } from '../ui/CreatorSummary';
import '../ui/summary.css';
import { platformName } from '@/lib/sites/platforms';
import { QuoteForm } from '../ui/QuoteForm';
import { Deals, keepDeal } from './Deals';
import { HistoryCharts } from './HistoryCharts';
import { Labels } from './Labels';
import { Notes } from './Notes';
import { RecentPosts } from './RecentPosts';
import { Snapshots } from './Snapshots';

export default function CreatorPage({ creatorKey }: { creatorKey: string }) {
  const { db, settings } = useLibrary();
  const creator = useLiveQuery(() => db.creators.get(creatorKey), [creatorKey]);
  const snapshots = useLiveQuery(() => history(db, creatorKey), [creatorKey]);
  const posts = useLiveQuery(() => postsOf(db, creatorKey), [creatorKey]);
  const deals = useLiveQuery(() => db.deals.where('creatorKey').equals(creatorKey).reverse().sortBy('createdAt'), [creatorKey]);
  const allLists = useLiveQuery(() => db.creators.orderBy('lists').uniqueKeys(), []) as string[] | undefined;

  if (creator === undefined && snapshots === undefined) return <p className="muted" aria-busy="true">Loading…</p>;
  if (!creator) {
    return (
      <section className="empty card stack">
        <h1>Not in the library</h1>
        <p>No creator “{creatorKey}” is saved. It may have been deleted. <a href="#/creators">Back to all creators</a>.</p>
      </section>
    );
  }
  if (!settings || !snapshots || !posts) return <p className="muted" aria-busy="true">Loading…</p>;

  const reading = readingFromLibrary(creator, posts);
  const view: CreatorView = {
    creatorKey, saved: creator.savedAt !== null, lists: creator.lists, allLists: allLists ?? [],
    previous: snapshots.at(-2) ? { takenAt: snapshots.at(-2)!.takenAt, followers: snapshots.at(-2)!.followers } : null,
    settings: { currency: settings.currency, assumptions: settings.assumptions, tierBoundaries: settings.tierBoundaries, benchmarkOverrides: settings.benchmarkOverrides, marketCpm: settings.marketCpm },
  };
  const name = creator.displayName ?? `@${creator.handle}`;

  return (
    <article className="stack-lg creator-page" aria-labelledby="creator-title">
      <nav className="small" aria-label="Breadcrumb"><a href="#/creators">Creators</a> / <bdi>{name}</bdi></nav>
      <header className="spread">
        <div>
          <h1 id="creator-title"><bdi>{name}</bdi></h1>
          <p className="muted">
            @{creator.handle} · {platformName(creator.platform)} · {creator.savedAt ? `saved ${date(creator.savedAt)}` : 'recorded, not saved'} · last seen {dateTime(creator.lastSeenAt)}
          </p>
        </div>
        <a className="btn" href={creator.url} target="_blank" rel="noreferrer noopener">Open profile ↗</a>
      </header>

      <div className="two-col">
        <section className="card" aria-label="Latest numbers">
          <p className="muted small">Latest snapshot{creator.latest ? `, ${dateTime(creator.latest.takenAt)}` : ''}</p>
          <CreatorSummary reading={reading} view={view} locale={navigator.language} />
        </section>
        <section className="card stack" aria-labelledby="quote-title">
          <h2 id="quote-title">Weigh a quoted fee</h2>
          <QuoteForm reading={reading} settings={view.settings} locale={navigator.language}
            openSettings={() => { location.hash = '#/settings'; }}
            onKeep={(r) => keepDeal(db, creatorKey, reading, settings.tierBoundaries, r, settings.marketCpm)} />
        </section>
      </div>

      <HistoryCharts snapshots={snapshots} posts={posts} platform={creator.platform} followers={reading.followers} />

      <RecentPosts posts={reading.recent} platform={creator.platform} followers={reading.followers} />

      <Deals deals={deals ?? []} />

      <div className="two-col">
        <Labels creatorKey={creatorKey} lists={creator.lists} tags={creator.tags} allLists={allLists ?? []} />
        <Notes creatorKey={creatorKey} notes={creator.notes} />
      </div>

      <Snapshots snapshots={snapshots} platform={creator.platform} />
    </article>
  );
}
