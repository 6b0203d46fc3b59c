/**
 * The dashboard: a full tab where the library is compared and decided on. Pages by URL
 * hash (#/creators, #/creator/<key>, #/compare?keys=…, #/settings, #/data), so the back
 * button and links from the popup work. It reads the library directly (an extension page
 * shares the extension's origin) and re-renders when it changes (dexie-react-hooks).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { createContext, lazy, Suspense, useContext, useEffect, useMemo, useState } from 'react';
import { libraryDb, type LibraryDb } from '@/lib/db/db';
import { describeDbError } from '@/lib/db/errors';
import { listCreators } from '@/lib/db/library';
import { getSettings } from '@/lib/db/record';
import { loadDetails, type Details } from '@/lib/dashboard/load';
import { rowOf, type CreatorRow } from '@/lib/dashboard/rows';
import type { Creator, Settings } from '@/lib/schema';
import { CampaignsPage } from './CampaignsPage';
import { CreatorsTable } from './CreatorsTable';
import { DataPage } from './DataPage';
import { SettingsPage } from './SettingsPage';

// Chart.js comes only with the pages that draw charts.
const CreatorPage = lazy(() => import('./CreatorPage'));
const ComparePage = lazy(() => import('./ComparePage'));
const CampaignPage = lazy(() => import('./CampaignPage'));
const ReportPage = lazy(() => import('./ReportPage'));

export interface Library {
  db: LibraryDb;
  creators: Creator[] | undefined;
  rows: CreatorRow[] | undefined;
  details: Details | null;
  settings: Settings | undefined;
  error: string | null;
}

const LibraryContext = createContext<Library | null>(null);
export const useLibrary = (): Library => useContext(LibraryContext)!;

export interface Route {
  page: 'creators' | 'creator' | 'compare' | 'campaigns' | 'campaign' | 'report' | 'settings' | 'data';
  key?: string;
  keys?: string[];
  id?: number | null;
}

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const [page, ...rest] = path.split('/');
  if (page === 'creator' && rest.length) return { page: 'creator', key: decodeURIComponent(rest.join('/')) };
  if (page === 'compare') return { page: 'compare', keys: (new URLSearchParams(query).get('keys') ?? '').split(',').filter(Boolean).slice(0, 4) };
  if (page === 'campaign' && /^\d+$/.test(rest[0] ?? '')) return { page: 'campaign', id: Number(rest[0]) };
  if (page === 'report') {
    const id = new URLSearchParams(query).get('campaign');
    return { page: 'report', id: id && /^\d+$/.test(id) ? Number(id) : null };
  }
  if (page === 'settings' || page === 'data' || page === 'campaigns') return { page };
  return { page: 'creators' };
}

export const go = (hash: string) => {
  location.hash = hash;
};

function useRoute(): Route {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const on = () => {
      setHash(location.hash);
      window.scrollTo(0, 0);
    };
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  return useMemo(() => parseRoute(hash), [hash]);
}

export function App() {
  const db = libraryDb();
  const route = useRoute();
  const [error, setError] = useState<string | null>(null);
  const fail = (e: unknown) => {
    setError(describeDbError(e));
    return undefined;
  };
  const creators = useLiveQuery(() => listCreators(db).catch(fail), []);
  const settings = useLiveQuery(() => getSettings(db).catch(fail), []);
  // Snapshots and posts of every creator: loaded after the creators, so the table is usable first.
  const details = useLiveQuery(() => (creators ? loadDetails(db).catch(fail) : undefined), [creators === undefined]) ?? null;
  const rows = useMemo(() => {
    if (!creators || !settings) return undefined;
    const now = Date.now();
    return creators.map((c) => rowOf(c, settings, details?.snapshots.get(c.key), details?.posts.get(c.key), now));
  }, [creators, settings, details]);

  // For the benchmark: the table's rows are usable, then engagement and growth are filled in.
  useEffect(() => {
    if (rows && !performance.getEntriesByName('creator-lens:table-rows').length) performance.mark('creator-lens:table-rows');
    if (rows && details) performance.mark('creator-lens:table-details');
  }, [rows, details]);

  const library: Library = { db, creators, rows, details, settings, error };
  const titles: Record<Route['page'], string> = { creators: 'Creators', creator: 'Creator', compare: 'Compare', campaigns: 'Campaigns', campaign: 'Campaign', report: 'Report', settings: 'Settings', data: 'Data' };
  useEffect(() => {
    document.title = `${titles[route.page]} — Creator Lens`;
  }, [route.page]);

  return (
    <LibraryContext.Provider value={library}>
      <a className="skip" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>Skip to content</a>
      <header className="topbar no-print">
        <span className="row brand"><span className="logo" aria-hidden="true" />Creator Lens</span>
        <nav aria-label="Dashboard">
          {(['creators', 'compare', 'campaigns', 'settings', 'data'] as const).map((p) => (
            <a key={p} href={`#/${p}`} aria-current={route.page === p || (p === 'creators' && route.page === 'creator') || (p === 'campaigns' && (route.page === 'campaign' || route.page === 'report')) ? 'page' : undefined}>{titles[p]}</a>
          ))}
        </nav>
        <span className="muted small">Stored only in this browser</span>
      </header>
      <main id="main" tabIndex={-1}>
        {error && <p className="notice error" role="alert">{error}</p>}
        <Suspense fallback={<p className="muted">Loading…</p>}>
          {route.page === 'creators' && <CreatorsTable />}
          {route.page === 'creator' && <CreatorPage creatorKey={route.key!} />}
          {route.page === 'compare' && <ComparePage keys={route.keys ?? []} />}
          {route.page === 'campaigns' && <CampaignsPage />}
          {route.page === 'campaign' && <CampaignPage id={route.id!} />}
          {route.page === 'report' && <ReportPage campaignId={route.id ?? null} />}
          {route.page === 'settings' && <SettingsPage />}
          {route.page === 'data' && <DataPage />}
        </Suspense>
      </main>
    </LibraryContext.Provider>
  );
}
