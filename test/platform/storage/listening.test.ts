import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { episodeFixture } from '../../support/episodes';
import { openStore } from '../../../src/platform/storage/database';
import { getCachedEpisode, listCachedEpisodes, listEpisodeCards } from '../../../src/platform/storage/episodeCopies';
import { getListeningState, listListeningStates, updateListeningState } from '../../../src/platform/storage/listening';
import { readEverything } from '../../../src/platform/storage/transfer';

describe('the listening state and its log', () => {
  it('keeps both of two writes made at once on the same episode', async () => {
    const episode = { id: 'lcc-100' };
    await Promise.all([
      updateListeningState(episode, () => ({ listenedOn: '2026-11-28' })),
      updateListeningState(episode, () => ({ bookmarkedAt: '2026-11-28T10:00:00.000Z' })),
    ]);
    expect(await getListeningState(episode.id)).toMatchObject({ listenedOn: '2026-11-28', bookmarkedAt: '2026-11-28T10:00:00.000Z' });
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
