import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import type { Episode } from '../../src/episode/model';
import { DATABASE_NAME, DATABASE_VERSION, MIGRATIONS, upgrade } from '../../src/storage/schema';
import {
  getCachedEpisode,
  getListeningState,
  onStoreChange,
  putCachedEpisode,
  updateListeningState,
  type StoreChange,
} from '../../src/storage/store';

const EPISODE: Episode = {
  id: 'lcc-262',
  number: 262,
  title: 'LCC 262 - Interview',
  url: 'https://lescastcodeurs.com/2021/09/02/lcc-262-interview/',
  publishedOn: '2021-09-02',
  recordedOn: '2021-07-01',
  author: 'Emmanuel Bernard',
  team: [],
  summary: '',
  audio: null,
  video: null,
  outline: [],
  links: [],
};

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

  it('tells other contexts which episode changed', async () => {
    const heard: StoreChange[] = [];
    const stop = onStoreChange((change) => heard.push(change));
    await updateListeningState(EPISODE, () => ({ note: 'À réécouter' }));
    await expect.poll(() => heard).toEqual([{ episodeIds: ['lcc-262'] }]);
    stop();
  });
});

describe('the schema migrations', () => {
  it('numbers its version after its migrations', () => {
    expect(DATABASE_VERSION).toBe(MIGRATIONS.length);
  });

  it('creates every store from nothing', async () => {
    const database = await openDB(`${DATABASE_NAME}-from-nothing`, DATABASE_VERSION, {
      upgrade: (db, oldVersion, newVersion, transaction) => upgrade(db as never, oldVersion, newVersion!, transaction as never),
    });
    expect([...database.objectStoreNames].sort()).toEqual(['episodes', 'listening']);
    expect([...database.transaction('episodes').store.indexNames]).toEqual(['byEpisodeId']);
    database.close();
  });
});
