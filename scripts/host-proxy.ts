/**
 * Firefox's counterpart of Chromium's `--host-resolver-rules=MAP <site> 127.0.0.1:<port>, MAP * ~NOTFOUND`:
 * a tiny HTTP CONNECT proxy on a random local port. Firefox is told to use it for every
 * request (scripts/firefox.ts); it tunnels the three sites' port 443 to the fixture server and
 * refuses everything else, so nothing leaves the machine, no root or port 443 is needed, and
 * parallel runs do not collide. (Firefox has no host-resolver flag; `network.dns.localDomains`
 * needs the server on port 443 and lets every other name reach real DNS.)
 */
import { createServer, type IncomingMessage } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { HOSTS } from './fixture-server';

export interface HostProxy {
  port: number;
  /** Every host:port (or plain-HTTP URL) the proxy refused, in order. */
  refused: string[];
  close(): Promise<void>;
}

export async function startHostProxy(targetPort: number, hosts: readonly string[] = HOSTS): Promise<HostProxy> {
  const refused: string[] = [];
  const sockets = new Set<Socket>();
  const proxy = createServer((req, res) => {
    refused.push(req.url ?? '?'); // plain http:// (the sites are HTTPS only)
    res.writeHead(403).end();
  });
  proxy.on('connect', (req: IncomingMessage, client: Socket) => {
    const [host, port] = (req.url ?? '').split(':');
    if (!hosts.includes(host!) || port !== '443') {
      refused.push(req.url ?? '?');
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const upstream = connect(targetPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.pipe(client);
      client.pipe(upstream);
    });
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    }
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return {
    port: (proxy.address() as AddressInfo).port,
    refused,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        proxy.close(() => resolve());
      }),
  };
}
