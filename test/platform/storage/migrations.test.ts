import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { episodeFixture, heardState } from '../../support/episodes';
import { DATABASE_NAME, DATABASE_VERSION, MIGRATIONS, upgrade, type CompanionSchema } from '../../../src/platform/storage/schema';
import { cardOf, DAY_UNKNOWN, feedStateSchema, readRecord } from '../../../src/core/records';

const EPISODE = episodeFixture(262, { recordedOn: '2021-07-01' });

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

describe('migration 6 → 7, from a version 6 database with data in it', () => {
  it('makes what was marked listened in bulk heard on a day unknown, and leaves every other mark its day', async () => {
    const name = `${DATABASE_NAME}-v6`;
    const v6 = await openAtVersion(name, 6);
    const at = '2026-12-01T21:17:36.058Z';
    const bulk = { kind: 'listened' as const, at, listenedOn: '2026-12-01', batch: `bulk-${at}` };
    // Marked in bulk, and still so.
    await v6.put('listening', heardState({ episodeId: 'lcc-100', listenedOn: '2026-12-01', updatedAt: at }));
    await v6.put('logs', { episodeId: 'lcc-100', events: [bulk] });
    // Marked in bulk, then given a day by the listener.
    await v6.put('listening', heardState({ episodeId: 'lcc-101', listenedOn: '2019-05-04' }));
    await v6.put('logs', {
      episodeId: 'lcc-101',
      events: [bulk, { kind: 'listened', at: '2026-12-02T08:00:00.000Z', listenedOn: '2019-05-04' }],
    });
    // Played to its end: the player's mark has its day.
    const played = { kind: 'listened' as const, at, listenedOn: '2026-12-01', batch: `player-${at}`, from: 'player' as const };
    await v6.put('listening', heardState({ episodeId: 'lcc-102', listenedOn: '2026-12-01', updatedAt: at }));
    await v6.put('logs', { episodeId: 'lcc-102', events: [played] });
    // Marked by a click.
    await v6.put('listening', heardState());
    await v6.put('logs', {
      episodeId: 'lcc-262',
      events: [{ kind: 'listened', at: '2021-09-05T08:00:00.000Z', listenedOn: '2021-09-03' }],
    });
    v6.close();

    const v7 = await openAtVersion(name, 7);
    expect((await v7.get('listening', 'lcc-100'))?.listenedOn).toBe(DAY_UNKNOWN);
    expect((await v7.get('logs', 'lcc-100'))?.events).toEqual([{ ...bulk, listenedOn: DAY_UNKNOWN }]);
    expect((await v7.get('listening', 'lcc-101'))?.listenedOn).toBe('2019-05-04');
    expect((await v7.get('logs', 'lcc-101'))?.events[0]?.listenedOn).toBe(DAY_UNKNOWN);
    expect((await v7.get('listening', 'lcc-102'))?.listenedOn).toBe('2026-12-01');
    expect((await v7.get('logs', 'lcc-102'))?.events).toEqual([played]);
    expect(await v7.get('listening', 'lcc-262')).toEqual(heardState());
    v7.close();
  });
});
