/**
 * Serves saved pages over HTTPS under the real site names, for the browser tests and
 * `npm run demo`. Chromium is pointed at it with --host-resolver-rules (every other host
 * resolves to nothing, so no request can leave the machine) and accepts its self-signed
 * certificate with --ignore-certificate-errors; Firefox reaches it through the proxy of
 * scripts/host-proxy.ts and accepts the certificate through WebDriver BiDi (scripts/firefox.ts).
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import selfsigned from 'selfsigned';
import { hostOf, siteHosts } from '../lib/sites/platforms';

export const FIXTURES = fileURLToPath(new URL('../tests/fixtures/', import.meta.url));
/** The hosts the extension runs on (lib/sites/platforms.ts); the certificate names each. */
export const HOSTS: readonly string[] = siteHosts();

/** A response other than a saved page: a fixture file or a body, with its type and headers (a CSP). */
export interface FixtureResponse {
  file?: string;
  body?: string | Buffer;
  /** Default: from the file's extension (.json, .txt; otherwise HTML). */
  type?: string;
  headers?: Record<string, string>;
  /** Answer this late (a slow script that holds the document in loading). */
  delayMs?: number;
}

/** host → path (with query) → fixture file under tests/fixtures/ (or a response). */
export type Routes = Record<string, Record<string, string | FixtureResponse>>;

const TYPES: Record<string, string> = { json: 'application/json; charset=utf-8', txt: 'text/plain; charset=utf-8' };

/** The sample pages: what the demo opens and the browser tests visit. */
export const SAMPLE_ROUTES: Routes = {
  [hostOf('instagram')]: {
    '/lenapark.studio/': 'instagram/profile-2025-en.html',
    '/lenapark.studio/reels/': 'instagram/profile-reels-tab.html',
    '/kuechen.kurt/': 'instagram/profile-2025-de.html',
    '/seoul.eats/': 'instagram/profile-2025-ko.html',
    '/p/DH4kQx2MpLa/': 'instagram/post-page.html',
  },
  [hostOf('youtube')]: {
    '/@orbitlab': 'youtube/channel-2026-viewmodel.html',
    '/@orbitlab/videos': 'youtube/channel-2026-viewmodel.html',
    '/@orbitlab/about': 'youtube/channel-about.html',
    '/@technikbox/videos': 'youtube/channel-de.html',
    '/watch?v=aB3dE5fG7hI': 'youtube/watch-page.html',
  },
  [hostOf('tiktok')]: {
    '/@maya.bakes': 'tiktok/profile-2024-universal.html',
    '/@lena.kocht': 'tiktok/profile-dom-only-de.html',
    '/@maya.bakes/video/7412345678901234567': 'tiktok/video-page.html',
  },
};

export interface FixtureServer {
  port: number;
  /** Every request the server saw, as full URLs. */
  requests: string[];
  /** Chromium flags that send the three sites here and every other host nowhere. */
  chromiumArgs: string[];
  close(): Promise<void>;
}

export async function startFixtureServer(routes: Routes = SAMPLE_ROUTES): Promise<FixtureServer> {
  const pems = await selfsigned.generate([{ name: 'commonName', value: HOSTS[0]! }], {
    keySize: 2048,
    extensions: [{ name: 'subjectAltName', altNames: HOSTS.map((value) => ({ type: 2 as const, value })) }],
  });
  const requests: string[] = [];
  const server: Server = createServer({ key: pems.private, cert: pems.cert }, (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const path = req.url ?? '/';
    requests.push(`https://${host}${path}`);
    const found = routes[host]?.[path] ?? routes[host]?.[path.split('?')[0]!];
    if (!found) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not a fixture');
      return;
    }
    const route: FixtureResponse = typeof found === 'string' ? { file: found } : found;
    const type = route.type ?? TYPES[route.file?.split('.').pop() ?? ''] ?? 'text/html; charset=utf-8';
    const send = () => {
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store', ...route.headers });
      res.end(route.body ?? readFileSync(`${FIXTURES}${route.file}`));
    };
    if (route.delayMs) setTimeout(send, route.delayMs);
    else send();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const rules = [...HOSTS.map((h) => `MAP ${h} 127.0.0.1:${port}`), 'MAP * ~NOTFOUND'].join(', ');
  return {
    port,
    requests,
    chromiumArgs: [`--host-resolver-rules=${rules}`, '--ignore-certificate-errors'],
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
