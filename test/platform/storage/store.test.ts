import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { episodeFixture, heardState } from '../../support/episodes';
import { DATABASE_NAME, DATABASE_VERSION, MIGRATIONS, upgrade, type CompanionSchema } from '../../../src/platform/storage/schema';
import {
  changesEpisode,
  getCachedEpisode,
  applySyncedStates,
  listCachedEpisodes,
  listEpisodeCards,
  listListeningStates,
  markListenedInBulk,
  undoBulkMark,
  openStore,
  getListeningState,
  onStoreChange,
  putCachedEpisode,
  updateListeningState,
  getSettings,
  updateSettings,
  type StoreChange,
} from '../../../src/platform/storage/store';
import { readEverything } from '../../../src/platform/storage/transfer';
import { cardOf, feedStateSchema, readRecord } from '../../../src/core/records';
import { enqueue } from '../../../src/core/player/queue';
import { getCitations, getSearchIndex } from '../../../src/platform/storage/archive';
import { getPosition, getQueue, listListenedTime, savePlayback, updateQueue } from '../../../src/platform/storage/playback';

const EPISODE = episodeFixture(262, { recordedOn: '2021-07-01' });

describe('the store', () => {
  it('caches an episode by its page address', async () => {
    await putCachedEpisode({ url: EPISODE.url, episode: EPISODE, source: 'markdown', etag: '"abc"', checkedAt: 1 });
    expect(await getCachedEpisode(EPISODE.url)).toMatchObject({ etag: '"abc"', episode: { id: 'lcc-262' } });
    expect(await getCachedEpisode('https://lescastcodeurs.com/other/')).toBeUndefined();
  });

  it('keeps both of two writes made at once on the same episode', async () => {
    const episode = { id: 'lcc-100' };
    await Promise.all([
      updateListeningState(episode, () => ({ listenedOn: '2026-11-28' })),
      updateListeningState(episode, () => ({ bookmarkedAt: '2026-11-28T10:00:00.000Z' })),
    ]);
    expect(await getListeningState(episode.id)).toMatchObject({ listenedOn: '2026-11-28', bookmarkedAt: '2026-11-28T10:00:00.000Z' });
  });

  it('keeps a copy of an episode acted on, without replacing a copy it has', async () => {
    const fromPage = episodeFixture(300, { title: 'LCC 300 (page)' });
    await updateListeningState(fromPage, () => ({ bookmarkedAt: '2026-11-28T10:00:00.000Z' }));
    expect(await getCachedEpisode(fromPage.url)).toMatchObject({ source: 'page', episode: { title: 'LCC 300 (page)' } });
    expect((await listEpisodeCards()).records).toContainEqual(expect.objectContaining({ id: 'lcc-300', title: 'LCC 300 (page)' }));

    await putCachedEpisode({ url: fromPage.url, episode: { ...fromPage, title: 'LCC 300' }, source: 'markdown', etag: null, checkedAt: 1 });
    await updateListeningState(fromPage, () => ({ listenedOn: '2026-11-28' }));
    expect(await getCachedEpisode(fromPage.url)).toMatchObject({ source: 'markdown', episode: { title: 'LCC 300' } });
  });

  it('logs each change as an event, in the same transaction', async () => {
    const episode = { id: 'lcc-101' };
    await updateListeningState(episode, () => ({ listenedOn: '2026-11-27' }));
    await updateListeningState(episode, () => ({ bookmarkedAt: '2026-11-28T10:00:00.000Z', note: 'Super' }));
    await updateListeningState(episode, () => ({ listenedOn: null, bookmarkedAt: null }));
    await updateListeningState(episode, () => ({}));
    const events = (await readEverything()).events.filter((event) => event.episodeId === episode.id);
    expect(events.map((event) => event.kind)).toEqual(['listened', 'bookmarked', 'note-edited', 'unlistened', 'unbookmarked']);
  });

  it('tells other contexts which episode changed', async () => {
    const heard: StoreChange[] = [];
    const stop = onStoreChange((change) => heard.push(change));
    await updateListeningState(EPISODE, () => ({ note: 'À réécouter' }));
    await expect.poll(() => heard).toEqual([{ episodeIds: ['lcc-262'] }]);
    stop();
  });
});

/** Opens a database at `version`, having walked the migrations up to it and no further. */
function openAtVersion(name: string, version: number) {
  return openDB<CompanionSchema>(name, version, {
    upgrade: (db, oldVersion, _newVersion, transaction) => upgrade(db, oldVersion, version, transaction),
  });
}

describe('the schema migrations', () => {
  it('numbers its version after its migrations', () => {
    expect(DATABASE_VERSION).toBe(MIGRATIONS.length);
  });

  it('creates every store from nothing', async () => {
    const database = await openAtVersion(`${DATABASE_NAME}-from-nothing`, DATABASE_VERSION);
    expect([...database.objectStoreNames].sort()).toEqual([
      'archive',
      'archiveCards',
      'archiveMeta',
      'cards',
      'citations',
      'episodes',
      'listenedTime',
      'listening',
      'logs',
      'opened',
      'positions',
      'queue',
      'readLater',
      'settings',
    ]);
    expect([...database.transaction('episodes').store.indexNames]).toEqual(['byEpisodeId']);
    database.close();
  });
});

describe('migration 1 → 2, from a version 1 database with data in it', () => {
  it('keeps every record and starts the event log from the states', async () => {
    const name = `${DATABASE_NAME}-v1`;
    const v1 = await openAtVersion(name, 1);
    const cached = { url: EPISODE.url, episode: EPISODE, source: 'markdown' as const, etag: '"e"', checkedAt: 5 };
    const listened = heardState({ bookmarkedAt: '2021-09-04T08:00:00.000Z', note: 'Top', rating: 5 });
    const untouched = {
      episodeId: 'lcc-1',
      listenedOn: null,
      bookmarkedAt: null,
      note: '',
      rating: null,
      updatedAt: '2020-01-01T00:00:00.000Z',
    };
    await v1.put('episodes', cached);
    await v1.put('listening', listened);
    await v1.put('listening', untouched);
    v1.close();

    const v2 = await openAtVersion(name, 2);
    expect(await v2.get('episodes', EPISODE.url)).toEqual(cached);
    expect(await v2.getAll('listening')).toEqual([untouched, listened]);
    expect(await v2.getAll('logs')).toEqual([
      {
        episodeId: 'lcc-262',
        events: [
          { kind: 'listened', at: listened.updatedAt, listenedOn: '2021-09-03' },
          { kind: 'bookmarked', at: listened.bookmarkedAt },
          { kind: 'note-edited', at: listened.updatedAt },
        ],
      },
    ]);
    v2.close();
  });
});

describe('records that can no longer be read (issue 13, 2)', () => {
  it('are skipped and counted by every read, and replaced by the next write', async () => {
    const database = await openStore();
    const broken = episodeFixture(400);
    await database.put('episodes', {
      url: broken.url,
      episode: { ...broken, outline: [{ id: 'x', level: 2, title: 'X' }] },
      source: 'markdown',
      etag: '"1"',
      checkedAt: 0,
    } as never);
    await database.put('cards', { id: 'lcc-400', number: { n: 400 }, title: 'x' } as never);
    await database.put('listening', { episodeId: 'lcc-400', listenedOn: '2021-02-31', note: 5 } as never);
    await database.put('logs', { episodeId: 'lcc-400', events: [{ kind: 'exploded', at: 'Tuesday 5' }] } as never);

    expect(await getCachedEpisode(broken.url)).toBeUndefined();
    expect((await listCachedEpisodes()).unreadable).toBe(1);
    expect((await listEpisodeCards()).unreadable).toBe(1);
    expect((await listListeningStates()).unreadable).toBe(1);
    expect(await getListeningState('lcc-400')).toBeUndefined();
    const everything = await readEverything();
    expect(everything.episodes.some((entry) => entry.url === broken.url)).toBe(false);
    expect(everything.events.some((event) => event.episodeId === 'lcc-400')).toBe(false);

    await updateListeningState(broken, () => ({ listenedOn: '2026-11-28' }));
    expect(await getListeningState('lcc-400')).toMatchObject({ listenedOn: '2026-11-28', note: '' });
    expect((await listListeningStates()).unreadable).toBe(0);
  });
});

describe('which episodes a change touched', () => {
  it('names them, all of them, or none', () => {
    expect(changesEpisode({ episodeIds: ['lcc-262'] }, 'lcc-262')).toBe(true);
    expect(changesEpisode({ episodeIds: ['lcc-262'] }, 'lcc-263')).toBe(false);
    expect(changesEpisode({ episodeIds: 'all' }, 'lcc-263')).toBe(true);
    expect(changesEpisode({ episodeIds: ['lcc-262'] })).toBe(true);
    expect(changesEpisode({ episodeIds: 'all' })).toBe(true);
    expect(changesEpisode({ episodeIds: [], archive: true })).toBe(false);
  });
});

describe("the archive's records that can no longer be read (issue 13, 2)", () => {
  it('are skipped: a damaged citation is left out, a damaged search index is none', async () => {
    const database = await openStore();
    const citing = { url: EPISODE.url, number: 262, title: 'LCC 262' };
    await database.put('citations', { url: 'https://quarkus.io/', episodes: [citing] });
    await database.put('citations', { url: 'javascript:alert(1)', episodes: [citing] });
    await database.put('citations', { url: 'https://graalvm.org/', episodes: [{ ...citing, url: 'https://evil.example/' }] });
    expect(await getCitations(['https://quarkus.io/', 'javascript:alert(1)', 'https://graalvm.org/'])).toEqual([
      { url: 'https://quarkus.io/', episodes: [citing] },
    ]);

    await database.put('archiveMeta', { episodes: [citing], index: '{}' }, 'search');
    expect(await getSearchIndex()).toEqual({ episodes: [citing], index: '{}' });
    await database.put('archiveMeta', { episodes: 'many', index: 3 } as never, 'search');
    expect(await getSearchIndex()).toBeNull();
  });
});

describe('a copy read for one address (issue 13, 1)', () => {
  it('never renames the episode of another address with the same number', async () => {
    const real = episodeFixture(262, { title: 'LCC 262 - la vraie' });
    const other = episodeFixture(262, { title: 'LCC 262 - ailleurs', url: 'https://lescastcodeurs.com/2021/09/02/lcc-262-ailleurs/' });
    await putCachedEpisode({ url: real.url, episode: real, source: 'markdown', etag: null, checkedAt: 1 });
    await putCachedEpisode({ url: other.url, episode: other, source: 'markdown', etag: null, checkedAt: 1 });
    await updateListeningState(other, () => ({ bookmarkedAt: '2026-11-28T10:00:00.000Z' }));
    expect((await listEpisodeCards()).records.find((card) => card.id === 'lcc-262')).toMatchObject({
      url: real.url,
      title: 'LCC 262 - la vraie',
    });
    expect(await getCachedEpisode(real.url)).toMatchObject({ episode: { title: 'LCC 262 - la vraie' } });
  });
});

describe('migration 2 → 3, from a version 2 database with data in it', () => {
  it('keeps every record, adds the settings store and a card per cached episode', async () => {
    const name = `${DATABASE_NAME}-v2`;
    const v2 = await openAtVersion(name, 2);
    const cached = {
      url: EPISODE.url,
      episode: { ...EPISODE, audio: { url: 'https://a.example/262.mp3', bytes: 74169262 } },
      source: 'markdown' as const,
      etag: null,
      checkedAt: 1,
    };
    const state = heardState();
    await v2.put('episodes', cached);
    await v2.put('listening', state);
    await v2.put('logs', { episodeId: 'lcc-262', events: [{ kind: 'listened', at: state.updatedAt, listenedOn: '2021-09-03' }] });
    v2.close();

    const v3 = await openAtVersion(name, 3);
    expect(await v3.get('episodes', EPISODE.url)).toEqual(cached);
    expect(await v3.get('listening', 'lcc-262')).toEqual(state);
    expect(await v3.count('logs')).toBe(1);
    expect(await v3.get('cards', 'lcc-262')).toEqual({
      id: 'lcc-262',
      number: 262,
      title: EPISODE.title,
      url: EPISODE.url,
      publishedOn: EPISODE.publishedOn,
      audioBytes: 74169262,
      // Cards are made by today's cardOf, which also names the mp3.
      audioUrl: 'https://a.example/262.mp3',
    });
    expect(await v3.count('settings')).toBe(0);
    v3.close();
  });
});

describe('migration 3 → 4, from a version 3 database with data in it', () => {
  it("keeps every record of the listener and adds the archive's stores, empty", async () => {
    const name = `${DATABASE_NAME}-v3`;
    const v3 = await openAtVersion(name, 3);
    const cached = { url: EPISODE.url, episode: EPISODE, source: 'markdown' as const, etag: '"e"', checkedAt: 5 };
    const state = heardState({ note: 'Bien', rating: 4 });
    const log = { episodeId: 'lcc-262', events: [{ kind: 'listened' as const, at: state.updatedAt, listenedOn: '2021-09-03' }] };
    const settings = { language: 'en' as const, theme: 'dark' as const, openLinksIn: 'background' as const };
    await v3.put('episodes', cached);
    await v3.put('listening', state);
    await v3.put('logs', log);
    // Settings of version 3 had no sync choice: the record is kept as it is, and reads take `off`.
    await v3.put('settings', settings as never, 'settings');
    await v3.put('cards', {
      id: 'lcc-262',
      number: 262,
      title: EPISODE.title,
      url: EPISODE.url,
      publishedOn: EPISODE.publishedOn,
      audioBytes: null,
    } as never);
    v3.close();

    const v4 = await openAtVersion(name, 4);
    expect(await v4.get('episodes', EPISODE.url)).toEqual(cached);
    expect(await v4.get('listening', 'lcc-262')).toEqual(state);
    expect(await v4.get('logs', 'lcc-262')).toEqual(log);
    expect(await v4.get('settings', 'settings')).toEqual(settings);
    expect(await v4.count('cards')).toBe(1);
    for (const store of ['archive', 'archiveCards', 'archiveMeta', 'citations'] as const) expect(await v4.count(store)).toBe(0);
    v4.close();
  });
});

describe('a bulk mark and its undo', () => {
  it('marks only what was not listened, with one batch of events, and one undo puts the log back exactly', async () => {
    await updateListeningState({ id: 'lcc-500' }, () => ({ listenedOn: '2026-01-01', note: 'déjà' }));
    await updateListeningState({ id: 'lcc-501' }, () => ({ bookmarkedAt: '2026-02-01T10:00:00.000Z' }));
    const before = JSON.stringify(await readEverything());

    const mark = await markListenedInBulk(['lcc-500', 'lcc-501', 'lcc-502', 'lcc-502'], '2026-11-29');
    expect(mark.before.map((each) => each.episodeId)).toEqual(['lcc-501', 'lcc-502']);
    expect(await getListeningState('lcc-500')).toMatchObject({ listenedOn: '2026-01-01' });
    expect(await getListeningState('lcc-501')).toMatchObject({ listenedOn: '2026-11-29', bookmarkedAt: '2026-02-01T10:00:00.000Z' });
    expect(await getListeningState('lcc-502')).toMatchObject({ listenedOn: '2026-11-29' });
    const bulkEvents = (await readEverything()).events.filter((event) => event.batch === mark.batch);
    expect(bulkEvents.map((event) => [event.episodeId, event.kind])).toEqual([
      ['lcc-501', 'listened'],
      ['lcc-502', 'listened'],
    ]);

    await undoBulkMark(mark);
    expect(JSON.stringify(await readEverything())).toBe(before);
  });
});

describe('states from another browser', () => {
  it('are written with the events of their change only where newer than the state here', async () => {
    await updateListeningState({ id: 'lcc-600' }, () => ({ listenedOn: '2026-11-01' }));
    const here = (await getListeningState('lcc-600'))!;
    const older = { ...here, listenedOn: '2026-10-01', updatedAt: '2000-01-01T00:00:00.000Z' };
    const newer = {
      episodeId: 'lcc-601',
      listenedOn: null,
      bookmarkedAt: '2026-11-20T10:00:00.000Z',
      note: 'vu ailleurs',
      rating: 3,
      updatedAt: '2026-11-20T10:00:00.000Z',
    };
    await applySyncedStates([older, newer]);
    expect(await getListeningState('lcc-600')).toEqual(here);
    expect(await getListeningState('lcc-601')).toEqual(newer);
    expect((await readEverything()).events.filter((event) => event.episodeId === 'lcc-601')).toEqual([
      { episodeId: 'lcc-601', kind: 'bookmarked', at: newer.updatedAt },
      { episodeId: 'lcc-601', kind: 'note-edited', at: newer.updatedAt },
    ]);
  });
});

describe('migration 4 → 5, from a version 4 database with data in it', () => {
  it("keeps the listener's records and the archive, and adds the reading list and the opened links, empty", async () => {
    const name = `${DATABASE_NAME}-v4`;
    const v4 = await openAtVersion(name, 4);
    const state = heardState();
    await v4.put('listening', state);
    await v4.put('archive', { url: EPISODE.url, episode: EPISODE });
    // Version 4 also kept the archive's episode count in the feed's state.
    const feedOfVersion4 = { etag: '"e"', lastModified: null, checkedAt: 1, updatedAt: 1, episodeCount: 1, failure: null };
    await v4.put('archiveMeta', feedOfVersion4, 'feed');
    v4.close();

    const v5 = await openAtVersion(name, 5);
    expect(await v5.get('listening', 'lcc-262')).toEqual(state);
    expect(await v5.get('archive', EPISODE.url)).toEqual({ url: EPISODE.url, episode: EPISODE });
    expect(readRecord(feedStateSchema, await v5.get('archiveMeta', 'feed'))).toEqual({
      etag: '"e"',
      lastModified: null,
      checkedAt: 1,
      updatedAt: 1,
      failure: null,
    });
    expect(await v5.count('readLater')).toBe(0);
    expect([...v5.transaction('opened').store.indexNames]).toEqual(['byEpisode']);
    v5.close();
  });
});

describe('migration 5 → 6, from a version 5 database with data in it', () => {
  it("keeps the listener's records and adds the player's stores, empty", async () => {
    const name = `${DATABASE_NAME}-v5`;
    const v5 = await openAtVersion(name, 5);
    const state = heardState({ note: 'n', rating: 2 });
    const kept = {
      url: 'https://kept.example/a',
      text: 'a',
      context: 'c',
      episodeId: 'lcc-262',
      episodeUrl: EPISODE.url,
      episodeTitle: 'LCC 262',
      keptAt: '2026-01-01T00:00:00.000Z',
      readAt: null,
      updatedAt: '2026-01-01T00:00:00.000Z',
    };
    await v5.put('listening', state);
    await v5.put('readLater', kept);
    // Cards of version 5 name no mp3; the episodes kept do.
    const heard = { ...EPISODE, audio: { url: 'https://traffic.libsyn.com/lescastcodeurs/262.mp3', bytes: 1 } };
    const { audioUrl: _, ...cardOfVersion5 } = cardOf(heard);
    await v5.put('episodes', { url: heard.url, episode: heard, source: 'markdown', etag: null, checkedAt: 1 });
    await v5.put('cards', cardOfVersion5 as never);
    // A copy read at another address (stored after the page's own) that claims the same number
    // never renames the card.
    const elsewhere = { ...heard, url: heard.url.replace('/2021/', '/2022/'), title: 'Another page' };
    await v5.put('episodes', { url: elsewhere.url, episode: elsewhere, source: 'page', etag: null, checkedAt: 1 });
    const archived = episodeFixture(263, { audio: { url: 'https://traffic.libsyn.com/lescastcodeurs/263.mp3', bytes: 2 } });
    await v5.put('archive', { url: archived.url, episode: archived });
    await v5.put('archiveCards', { ...cardOf(archived), audioUrl: undefined } as never);
    await v5.put('settings', { language: 'en', theme: 'dark', openLinksIn: 'background', sync: 'on' } as never, 'settings');
    v5.close();

    const v6 = await openAtVersion(name, 6);
    expect(await v6.get('listening', 'lcc-262')).toEqual(state);
    expect(await v6.get('readLater', kept.url)).toEqual(kept);
    expect(await v6.count('positions')).toBe(0);
    expect(await v6.count('listenedTime')).toBe(0);
    expect(await v6.get('queue', 'queue')).toBeUndefined();
    expect(await v6.get('cards', 'lcc-262')).toMatchObject({ url: heard.url, title: heard.title, audioUrl: heard.audio.url });
    expect((await v6.get('archiveCards', archived.url))?.audioUrl).toBe(archived.audio!.url);
    v6.close();
  });
});

describe('the settings', () => {
  it('keep every change made from different pages, even at once', async () => {
    await updateSettings({ theme: 'auto', playbackRate: 1 });
    await Promise.all([updateSettings({ theme: 'dark' }), updateSettings({ playbackRate: 1.5 })]);
    expect(await getSettings()).toMatchObject({ theme: 'dark', playbackRate: 1.5 });
  });
});

describe("the player's data", () => {
  it('writes a position and adds the time listened to its month, together', async () => {
    const position = { episodeId: 'lcc-262', url: EPISODE.url, seconds: 2592, duration: 4350, updatedAt: '2026-11-29T08:00:00.000Z' };
    const heard: StoreChange[] = [];
    const stop = onStoreChange((change) => heard.push(change));
    await savePlayback(position, [{ month: '2026-11', wallSeconds: 10, contentSeconds: 15 }]);
    await savePlayback({ ...position, seconds: 2607 }, [{ month: '2026-11', wallSeconds: 10, contentSeconds: 15 }]);
    expect(await getPosition('lcc-262')).toEqual({ ...position, seconds: 2607 });
    // A checkpoint while playing is written the same, and announced as touching no view.
    await savePlayback({ ...position, seconds: 2617 }, [{ month: '2026-11', wallSeconds: 10, contentSeconds: 10 }], true);
    expect(await getPosition('lcc-262')).toEqual({ ...position, seconds: 2617 });
    expect((await listListenedTime()).records).toEqual([{ month: '2026-11', wallSeconds: 30, contentSeconds: 40 }]);
    // A position names no episode in its change: the views of the log need not read it all again.
    await expect.poll(() => heard).toEqual([{ episodeIds: [], playback: true }, { episodeIds: [], playback: true }, { episodeIds: [] }]);
    stop();
  });

  it('keeps the queue in order, and skips an entry that can no longer be read', async () => {
    const item = {
      episodeId: 'lcc-262',
      url: EPISODE.url,
      number: 262,
      title: 'LCC 262',
      audioUrl: 'https://traffic.libsyn.com/lcc-262.mp3',
    };
    await updateQueue(() => [item, { ...item, episodeId: 'lcc-263', audioUrl: 'javascript:alert(1)' }]);
    expect(await getQueue()).toEqual([item]);
  });

  it('counts two changes of the queue made at once', async () => {
    const item = (number: number) => ({
      episodeId: `lcc-${number}`,
      url: EPISODE.url,
      number,
      title: `LCC ${number}`,
      audioUrl: `https://traffic.libsyn.com/lescastcodeurs/${number}.mp3`,
    });
    await updateQueue(() => []);
    await Promise.all([1, 2, 3].map((number) => updateQueue((queue) => enqueue(queue, item(number)))));
    expect((await getQueue()).map((each) => each.number)).toEqual([1, 2, 3]);
  });

  it("marks an episode listened as the player's, and one undo takes it back", async () => {
    const mark = await markListenedInBulk(['lcc-700'], '2026-11-29', 'player');
    const events = (await readEverything()).events.filter((event) => event.episodeId === 'lcc-700');
    expect(events).toEqual([expect.objectContaining({ kind: 'listened', listenedOn: '2026-11-29', from: 'player', batch: mark.batch })]);
    await undoBulkMark(mark);
    expect(await getListeningState('lcc-700')).toBeUndefined();
    expect((await readEverything()).events.filter((event) => event.episodeId === 'lcc-700')).toEqual([]);
  });
});
