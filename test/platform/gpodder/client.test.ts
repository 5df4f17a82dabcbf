/** The gPodder client against a real server (oPodSync, both APIs), and against servers that are no such thing. */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAnswer, type OutgoingAction } from '../../../src/core/gpodder/actions';
import {
  discoverApi,
  fetchActions,
  GpodderError,
  MAX_ANSWER_BYTES,
  registerDevice,
  serverBase,
  serverOrigin,
  uploadActions,
  type GpodderAccount,
  type GpodderApi,
} from '../../../src/platform/gpodder/client';
import { opodsyncPresent, PASSWORD, postAsPhone, startSyncServer, USER, type SyncServer } from '../../support/opodsync';

const MEDIA = 'https://traffic.libsyn.com/secure/lescastcodeurs/LesCastCodeurs-Episode-262.mp3?dest-id=7';

function problemOf(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => 'none',
    (error: unknown) => {
      // Whatever went wrong, the password is in no error.
      expect(JSON.stringify(error) + String(error) + (error as Error).stack).not.toContain(PASSWORD);
      return error instanceof GpodderError ? error.problem : String(error);
    },
  );
}

/** A local HTTP server answering every request with `answer`. */
async function fakeSite(answer: (response: import('node:http').ServerResponse) => void): Promise<{ url: string; server: Server }> {
  const server = createServer((_, response) => answer(response));
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const address = server.address() as { port: number };
  return { url: `http://127.0.0.1:${address.port}`, server };
}

describe('the address of a server', () => {
  it('asks the permission for its host, any port, as match patterns name none', () => {
    expect(serverOrigin('http://127.0.0.1:8099/sub')).toBe('http://127.0.0.1/*');
    expect(serverOrigin('https://cloud.example.org/nextcloud')).toBe('https://cloud.example.org/*');
  });

  it.each([
    ['https://cloud.example.org/', 'https://cloud.example.org'],
    ['  https://cloud.example.org/nextcloud/index.php/ ', 'https://cloud.example.org/nextcloud'],
    ['http://127.0.0.1:8099', 'http://127.0.0.1:8099'],
  ])('makes %s the base %s', (typed, base) => {
    expect(serverBase(typed)).toBe(base);
  });

  it.each(['gpodder.net', 'ftp://gpodder.net', 'https://me:pw@gpodder.net', 'javascript:alert(1)'])('refuses %s', (typed) => {
    expect(() => serverBase(typed)).toThrow(new GpodderError('address'));
  });
});

describe.skipIf(!opodsyncPresent)('the gPodder client against a real server', () => {
  let sync: SyncServer;
  beforeAll(async () => {
    sync = await startSyncServer();
  });
  afterAll(() => sync.stop());

  const account = (api: GpodderApi, device = 'lcc-companion-test'): GpodderAccount => ({
    server: sync.url,
    user: USER,
    password: PASSWORD,
    api,
    device,
  });

  it('finds the API the server speaks, and says plainly a password is refused', async () => {
    await expect(discoverApi({ server: sync.url, user: USER, password: PASSWORD })).resolves.toBe('gpodder');
    expect(await problemOf(discoverApi({ server: sync.url, user: USER, password: 'wrong' }))).toBe('password');
    expect(await problemOf(fetchActions({ ...account('nextcloud'), password: 'wrong' }, 0))).toBe('password');
  });

  it.each(['gpodder', 'nextcloud'] as const)("reads the phone's actions and sends its own through the %s API", async (api) => {
    await registerDevice(account(api), 'LCC Companion (test)');
    const before = readAnswer(await fetchActions(account(api), 0), new Map(), new Date()).timestamp;
    await postAsPhone(sync.url, [
      {
        podcast: 'https://lescastcodeurs.com/podcast-rss',
        episode: MEDIA,
        action: 'play',
        timestamp: '2026-11-30T08:15:00',
        started: 0,
        position: 3000,
        total: 5400,
        device: 'pixel',
      },
    ]);
    const own: OutgoingAction = {
      podcast: 'https://lescastcodeurs.com/podcast-rss',
      episode: MEDIA.replace('262', '263'),
      action: 'play',
      timestamp: '2026-11-30T09:00:00',
      started: 0,
      position: 5400,
      total: 5400,
      device: 'lcc-companion-test',
    };
    await uploadActions(account(api), [own]);
    const answer = readAnswer(await fetchActions(account(api), 0), new Map(), new Date());
    expect(answer.timestamp).toBeGreaterThanOrEqual(before);
    expect(answer.actions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ number: 262, position: 3000, total: 5400, device: 'pixel', media: MEDIA }),
        expect.objectContaining({ number: 263, position: 5400, media: own.episode }),
      ]),
    );
  });
});

describe('the gPodder client against what is no gPodder server', () => {
  const sites: Server[] = [];
  afterAll(() => sites.forEach((site) => site.close()));
  const credentials = (server: string) => ({ server, user: USER, password: PASSWORD });

  it('says an address that answers nothing is unreachable', async () => {
    const site = await fakeSite(() => undefined);
    site.server.close();
    expect(await problemOf(discoverApi(credentials(site.url)))).toBe('unreachable');
  });

  it('says a web site that answers every address with a page, or with 404, is not a gPodder server', async () => {
    const pages = await fakeSite((response) => response.writeHead(200, { 'Content-Type': 'text/html' }).end('<html>Bienvenue</html>'));
    const missing = await fakeSite((response) => response.writeHead(404).end('Not found'));
    sites.push(pages.server, missing.server);
    expect(await problemOf(discoverApi(credentials(pages.url)))).toBe('not-gpodder');
    expect(await problemOf(discoverApi(credentials(missing.url)))).toBe('not-gpodder');
  });

  it('refuses an answer of more than 8 MB without reading it all, and names a server failure', async () => {
    const huge = await fakeSite((response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      const chunk = 'x'.repeat(1024 * 1024);
      for (let index = 0; index <= MAX_ANSWER_BYTES / chunk.length; index++) response.write(chunk);
      response.end();
    });
    const failing = await fakeSite((response) => response.writeHead(503).end());
    sites.push(huge.server, failing.server);
    const account = (server: string): GpodderAccount => ({ ...credentials(server), api: 'gpodder', device: 'd' });
    expect(await problemOf(fetchActions(account(huge.url), 0))).toBe('too-large');
    expect(await problemOf(fetchActions(account(failing.url), 0))).toBe('server');
  });
});
