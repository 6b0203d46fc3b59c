/**
 * The dashboard's pages by URL hash (#/creators, #/creator/<key>, #/compare?keys=…,
 * #/campaigns, #/campaign/<id>, #/report?campaign=<id>, #/settings, #/data), so the back
 * button and links from the popup work. Parsing is pure; `go` is the one navigation.
 */

export interface Route {
  page: 'creators' | 'creator' | 'compare' | 'campaigns' | 'campaign' | 'report' | 'settings' | 'data';
  key?: string;
  keys?: string[];
  id?: number | null;
}

/** At most this many creators side by side on the compare page. */
const MAX_COMPARED = 4;

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const [page, ...rest] = path.split('/');
  if (page === 'creator' && rest.length) return { page: 'creator', key: decodeURIComponent(rest.join('/')) };
  if (page === 'compare') return { page: 'compare', keys: (new URLSearchParams(query).get('keys') ?? '').split(',').filter(Boolean).slice(0, MAX_COMPARED) };
  if (page === 'campaign' && /^\d+$/.test(rest[0] ?? '')) return { page: 'campaign', id: Number(rest[0]) };
  if (page === 'report') {
    const id = new URLSearchParams(query).get('campaign');
    return { page: 'report', id: id && /^\d+$/.test(id) ? Number(id) : null };
  }
  if (page === 'settings' || page === 'data' || page === 'campaigns') return { page };
  return { page: 'creators' };
}

/** Goes to another page of the dashboard (the hash change re-renders the shell). */
export const go = (hash: string) => {
  location.hash = hash;
};
