/**
 * The sync with the listener's podcast apps, end to end in Node: a real gPodder server (oPodSync),
 * the phone's actions written to it as AntennaPod writes them, the extension's log in IndexedDB.
 */
import 'fake-indexeddb/auto';
import { createServer } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Clock } from '../../../src/core/clock';
import { DAY_UNKNOWN } from '../../../src/core/records';
import { GpodderSync } from '../../../src/platform/gpodder/sync';
import { saveArchive } from '../../../src/platform/storage/archive';
import { getListeningState, updateListeningState } from '../../../src/platform/storage/listening';
import { getPosition } from '../../../src/platform/storage/playback';
import { clearEverything, readEverything } from '../../../src/platform/storage/transfer';
import { episodeFixture } from '../../support/episodes';
import { memoryArea } from '../../support/memoryArea';
import {
  actionsOnServer,
  opodsyncPresent,
  PASSWORD,
  PHONE_FEED,
  PHONE_MEDIA,
  phonePlay,
  postAsPhone,
  startSyncServer,
  USER,
  type SyncServer,
} from '../../support/opodsync';

const NUMBERS = [257, 258, 259, 260, 261, 262, 263];
/** The test's now: the phone's actions are from the days before. */
const clock: Clock = { now: () => Date.parse('2026-12-01T12:00:00Z') };

async function seedArchive(): Promise<void> {
  const episodes = NUMBERS.map((number) =>
    episodeFixture(number, {
      audio: { url: `https://traffic.libsyn.com/lescastcodeurs/LesCastCodeurs-Episode-${number}.mp3`, bytes: 86_400_000 },
    }),
  );
  await saveArchive({
    episodes: episodes.map((episode) => ({ url: episode.url, episode, text: '' })),
    entries: { reader: '', fingerprints: {}, underived: [] },
    state: { etag: null, lastModified: null, checkedAt: 0, updatedAt: 0, failure: null },
  });
}

describe.skipIf(!opodsyncPresent)('the sync with the podcast apps, against a real server', () => {
  let server: SyncServer;
  beforeAll(async () => {
    server = await startSyncServer();
  });
  afterAll(() => server.stop());
  beforeEach(async () => {
    await clearEverything();
    await seedArchive();
  });

  it("connects, takes the phone's history with the right days, and sends the browser's marks as the phone names them", async () => {
    const area = memoryArea();
    const sync = new GpodderSync(area, clock);
    expect(await sync.connect({ server: server.url, user: USER, password: 'wrong' }, 'LCC Companion (test)')).toEqual({
      ok: false,
      problem: 'password',
    });
    expect(area.items.size).toBe(0);

    // AntennaPod's first sync: every episode played, stamped with the time of that sync.
    await postAsPhone(server.url, [
      ...[258, 259, 260].map((number) => phonePlay(number, '2026-11-29T10:00:00', 5400)),
      phonePlay(261, '2026-11-28T12:00:00', 5390),
      phonePlay(262, '2026-11-30T08:15:00', 2592),
      { ...phonePlay(1, '2026-11-30T09:00:00', 100), podcast: 'https://other.example/feed', episode: 'https://other.example/1.mp3' },
    ]);
    const connected = await sync.connect({ server: `${server.url}/`, user: USER, password: PASSWORD }, 'LCC Companion (test)');
    expect(connected).toEqual({ ok: true, summary: { actions: 6, showActions: 5, devices: 1 } });

    for (const number of [258, 259, 260]) expect((await getListeningState(`lcc-${number}`))?.listenedOn).toBe(DAY_UNKNOWN);
    expect((await getListeningState('lcc-261'))?.listenedOn).toBe(new Date('2026-11-28T12:00:00Z').toLocaleDateString('sv'));
    expect(await getPosition('lcc-262')).toMatchObject({ seconds: 2592, duration: 5400, device: 'pixel-8' });
    // The time the phone played, in its month, without the first sync's burst.
    expect((await readEverything()).listenedTime).toEqual([{ month: '2026-11', wallSeconds: 5390 + 2592, contentSeconds: 5390 + 2592 }]);
    const events = (await readEverything()).events.filter((event) => event.episodeId === 'lcc-261');
    expect(events).toEqual([expect.objectContaining({ kind: 'listened', from: 'gpodder', device: 'pixel-8' })]);
    expect((await sync.status()).state.last).toMatchObject({ listened: 4, positions: 1, sent: 0 });

    await updateListeningState({ id: 'lcc-263' }, () => ({ listenedOn: '2026-12-01' }));
    expect((await sync.status()).waiting).toBe(1);
    expect((await sync.syncNow('listener')).state.last).toMatchObject({ sent: 1 });
    const sent = (await actionsOnServer(server.url)).filter((action) => action['episode'] === PHONE_MEDIA(263));
    expect(sent).toEqual([expect.objectContaining({ podcast: PHONE_FEED, action: 'play', position: 5400, total: 5400 })]);

    // Sent once: a run after it sends nothing, and takes nothing back of its own.
    expect((await sync.syncNow('listener')).state.last).toMatchObject({ sent: 0, listened: 0 });
    expect((await actionsOnServer(server.url)).filter((action) => action['episode'] === PHONE_MEDIA(263))).toHaveLength(1);

    // The password is in storage.local only: not in what an export reads.
    expect(JSON.stringify(await readEverything())).not.toContain(PASSWORD);
    await sync.disconnect();
    expect(area.items.size).toBe(0);
  });

  it('keeps a change made while the server is down, backs off, and sends it once the server is back', async () => {
    const area = memoryArea();
    let now = clock.now();
    const sync = new GpodderSync(area, { now: () => now });
    await postAsPhone(server.url, [phonePlay(262, '2026-11-30T08:15:00', 2592)]);
    expect((await sync.connect({ server: server.url, user: USER, password: PASSWORD }, 'LCC Companion (test)')).ok).toBe(true);
    server.pause();
    try {
      await updateListeningState({ id: 'lcc-257' }, () => ({ listenedOn: '2026-12-01' }));
      const failed = await sync.syncNow('auto');
      expect(failed.state.failure).toEqual({ at: now, problem: 'unreachable' });
      expect(failed.waiting).toBe(1);
      expect(failed.state.retryAt).toBe(now + 60_000);
      expect((await sync.syncNow('auto')).state.failures).toBe(1);
    } finally {
      server.resume();
    }
    now += 30_000;
    expect((await sync.syncNow('auto')).state.failures).toBe(1);
    now += 31_000;
    const back = await sync.syncNow('auto');
    expect(back.state).toMatchObject({ failure: null, failures: 0, last: { sent: 1 } });
    // Named as the phone names its episodes.
    expect((await actionsOnServer(server.url)).filter((action) => action['episode'] === PHONE_MEDIA(257))).toHaveLength(1);
  });

  it('stops the automatic runs after a refused password, and loses nothing', async () => {
    const area = memoryArea();
    const sync = new GpodderSync(area, clock);
    expect((await sync.connect({ server: server.url, user: USER, password: PASSWORD }, 'LCC Companion (test)')).ok).toBe(true);
    const account = area.items.get('gpodderAccount') as Record<string, unknown>;
    area.items.set('gpodderAccount', { ...account, password: 'changed on the server' });
    await updateListeningState({ id: 'lcc-257' }, () => ({ listenedOn: '2026-12-01' }));
    const refused = await sync.syncNow('listener');
    expect(refused.state.failure?.problem).toBe('password');
    expect(refused.waiting).toBe(1);
    expect(JSON.stringify(area.items.get('gpodderSync'))).not.toContain('changed on the server');
  });

  it.each([
    ['not JSON', '<html>maintenance</html>', 'answer'],
    ['the wrong shape', '{"actions": 12, "timestamp": 1}', 'answer'],
  ])('changes nothing stored when the server answers %s', async (_, body, problem) => {
    const garbage = createServer((_, response) => response.writeHead(200, { 'Content-Type': 'application/json' }).end(body));
    await new Promise<void>((listening) => garbage.listen(0, '127.0.0.1', listening));
    try {
      const area = memoryArea();
      const sync = new GpodderSync(area, clock);
      expect((await sync.connect({ server: server.url, user: USER, password: PASSWORD }, 'LCC Companion (test)')).ok).toBe(true);
      const account = area.items.get('gpodderAccount') as Record<string, unknown>;
      area.items.set('gpodderAccount', { ...account, server: `http://127.0.0.1:${(garbage.address() as { port: number }).port}` });
      const before = JSON.stringify(await readEverything());
      expect((await sync.syncNow('listener')).state.failure?.problem).toBe(problem);
      expect(JSON.stringify(await readEverything())).toBe(before);
    } finally {
      garbage.close();
    }
  });
});
