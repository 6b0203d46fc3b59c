/**
 * The dashboard's shell: a full tab where the library is compared and decided on. The top
 * bar, the page the URL hash names (lib/dashboard/route.ts), and the library every page
 * reads (library-context.tsx). Pages import neither this file nor each other.
 */
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { parseRoute, type Route } from '@/lib/dashboard/route';
import { CampaignsPage } from '../campaign/CampaignsPage';
import { CreatorsTable } from './CreatorsTable';
import { FirstRun } from './FirstRun';
import { DataPage } from './DataPage';
import { LibraryProvider, useLibrary } from './library-context';
import { SettingsPage } from './SettingsPage';

// Chart.js comes only with the pages that draw charts.
const CreatorPage = lazy(() => import('../creator/CreatorPage'));
const ComparePage = lazy(() => import('./ComparePage'));
const CampaignPage = lazy(() => import('../campaign/CampaignPage'));
const ReportPage = lazy(() => import('../campaign/ReportPage'));

const TITLES: Record<Route['page'], string> = { creators: 'Creators', creator: 'Creator', compare: 'Compare', campaigns: 'Campaigns', campaign: 'Campaign', report: 'Report', settings: 'Settings', data: 'Data' };

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
  return (
    <LibraryProvider>
      <Shell />
    </LibraryProvider>
  );
}

function Shell() {
  const { error } = useLibrary();
  const route = useRoute();
  useEffect(() => {
    document.title = `${TITLES[route.page]} — Creator Lens`;
  }, [route.page]);

  return (
    <>
      <a className="skip" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>Skip to content</a>
      <header className="topbar no-print">
        <span className="row brand"><span className="logo" aria-hidden="true" />Creator Lens</span>
        <nav aria-label="Dashboard">
          {(['creators', 'compare', 'campaigns', 'settings', 'data'] as const).map((p) => (
            <a key={p} href={`#/${p}`} aria-current={route.page === p || (p === 'creators' && route.page === 'creator') || (p === 'campaigns' && (route.page === 'campaign' || route.page === 'report')) ? 'page' : undefined}>{TITLES[p]}</a>
          ))}
        </nav>
        <span className="muted small">Stored only in this browser</span>
      </header>
      <main id="main" tabIndex={-1}>
        {error && <p className="notice error" role="alert">{error}</p>}
        {(route.page === 'creators' || route.page === 'creator' || route.page === 'compare') && <FirstRun />}
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
    </>
  );
}
