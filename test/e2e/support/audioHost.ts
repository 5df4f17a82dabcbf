/**
 * The show's audio host (traffic.libsyn.com) as the browser tests see it: a local HTTPS server
 * giving the test mp3 in the ranges the media element asks for. Playwright's routes do not reach
 * Chrome's offscreen document, where the player plays, so the browser is told to resolve the
 * host to this server (`--host-resolver-rules`) and to accept its self-signed certificate.
 * Firefox has no such rule: it reaches the host through `tunnelPort`, a proxy (as a PAC file
 * names it) that takes a CONNECT to the show's host, and no other, to this server.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { connect, createServer as createTcpServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const AUDIO_HOST = 'traffic.libsyn.com';
export const SITE_HOST = 'lescastcodeurs.com';
export const AUDIO_FIXTURE = resolve(import.meta.dirname, '../../fixtures/episode.mp3');

export interface AudioRoute {
  /**
   * Serve the test mp3 for every episode (the default), answer 404, or break the first answer's
   * connection after `cutAfterBytes` (a stream that stalls, then is taken up again).
   */
  mode: 'serve' | 'not-found' | 'cut-once';
  cutAfterBytes: number;
  requests: number;
  /** The ranges asked for, as `start-end` (end empty: to the end). */
  ranges: string[];
  /**
   * The site's feed, as this server answers it for the site's host (empty: a 404). Every context
   * fetches it here, Chrome's offscreen document too, where a whole archive is read; a route's
   * fulfilment would also copy its 3.4 MB over the protocol, which no network costs.
   */
  feed: string;
  /** Whether the feed comes with an ETag, as the site serves it: a check of an unchanged feed is then a 304. */
  feedEtag: boolean;
  /**
   * The site's artwork as this server answers it (null: a 404). The popup's own requests, in a
   * page Playwright's routes do not reach, come here.
   */
  artwork: Buffer | null;
}

let certificate: { key: Buffer; cert: Buffer } | null = null;

function selfSignedCertificate(): { key: Buffer; cert: Buffer } {
  if (certificate) return certificate;
  const dir = mkdtempSync(join(tmpdir(), 'lcc-audio-host-'));
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '2',
      '-subj',
      `/CN=${AUDIO_HOST}`,
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
    ],
    { stdio: 'ignore' },
  );
  certificate = { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  return certificate;
}

export interface AudioHost {
  port: number;
  tunnelPort: number;
  route: AudioRoute;
  close(): Promise<void>;
}

export async function startAudioHost(mode: AudioRoute['mode']): Promise<AudioHost> {
  const route: AudioRoute = { mode, cutAfterBytes: 60_000, requests: 0, ranges: [], feed: '', feedEtag: true, artwork: null };
  const body = readFileSync(AUDIO_FIXTURE);
  const server: Server = createServer(selfSignedCertificate(), (request, response) => {
    if (request.headers.host === SITE_HOST) {
      if (request.url === '/images/default-twitter-card.png') {
        if (route.artwork) response.writeHead(200, { 'Content-Type': 'image/png', 'Cache-Control': 'no-store' }).end(route.artwork);
        else response.writeHead(404, { 'Content-Type': 'text/plain', 'Cache-Control': 'no-store' }).end('Not Found');
        return;
      }
      if (request.url !== '/feed-intern.atom' || !route.feed) {
        response.writeHead(404, { 'Content-Type': 'text/plain', 'Cache-Control': 'no-store' }).end('not in the corpus');
        return;
      }
      const etag = `"feed-${Buffer.byteLength(route.feed)}"`;
      if (route.feedEtag && request.headers['if-none-match'] === etag) return void response.writeHead(304, { ETag: etag }).end();
      response
        .writeHead(200, { 'Content-Type': 'application/atom+xml; charset=utf-8', ...(route.feedEtag && { ETag: etag }) })
        .end(route.feed);
      return;
    }
    route.requests += 1;
    if (route.mode === 'not-found') {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not Found');
      return;
    }
    const headers = { 'Accept-Ranges': 'bytes', 'Content-Type': 'audio/mpeg' };
    const range = /^bytes=(\d+)-(\d*)$/.exec(request.headers.range ?? '');
    route.ranges.push(range ? `${range[1]}-${range[2]}` : '0-');
    if (route.mode === 'cut-once') {
      route.mode = 'serve';
      const start = range ? Number(range[1]) : 0;
      response.writeHead(range ? 206 : 200, {
        ...headers,
        ...(range && { 'Content-Range': `bytes ${start}-${body.length - 1}/${body.length}` }),
        'Content-Length': body.length - start,
      });
      response.write(body.subarray(start, start + route.cutAfterBytes), () => setTimeout(() => response.socket?.destroy(), 50));
      return;
    }
    if (!range) {
      response.writeHead(200, { ...headers, 'Content-Length': body.length }).end(body);
      return;
    }
    const start = Number(range[1]);
    const end = range[2] ? Math.min(Number(range[2]), body.length - 1) : body.length - 1;
    if (start >= body.length) {
      response.writeHead(416, { 'Content-Range': `bytes */${body.length}` }).end();
      return;
    }
    response
      .writeHead(206, { ...headers, 'Content-Range': `bytes ${start}-${end}/${body.length}`, 'Content-Length': end - start + 1 })
      .end(body.subarray(start, end + 1));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const port = (server.address() as AddressInfo).port;
  const tunnel = createTcpServer((client) => {
    client.once('data', (head) => {
      if (!head.toString('latin1').startsWith(`CONNECT ${AUDIO_HOST}:443 `)) return void client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      const upstream = connect(port, '127.0.0.1', () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        client.pipe(upstream).pipe(client);
      });
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
    });
  });
  await new Promise<void>((done) => tunnel.listen(0, '127.0.0.1', done));
  return {
    port,
    tunnelPort: (tunnel.address() as AddressInfo).port,
    route,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        tunnel.close();
        server.close(() => done());
      }),
  };
}
