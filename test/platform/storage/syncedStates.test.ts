import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { getListeningState, updateListeningState } from '../../../src/platform/storage/listening';
import { applySyncedPositions, applySyncedStates } from '../../../src/platform/storage/syncedStates';
import { putCachedEpisode } from '../../../src/platform/storage/episodeCopies';
import { getPosition, savePlayback } from '../../../src/platform/storage/playback';
import { episodeFixture } from '../../support/episodes';
import { readEverything } from '../../../src/platform/storage/transfer';
import { toSynced } from '../../../src/core/sync/plan';

describe('states from another browser', () => {
  it('are written with the events of their change only where newer than the state here', async () => {
    await updateListeningState({ id: 'lcc-600' }, () => ({ listenedOn: '2026-11-01' }));
    const here = (await getListeningState('lcc-600'))!;
    const older = {
      ...toSynced(here),
      listenedOn: '2026-10-01',
      changedAt: { ...toSynced(here).changedAt, listenedOn: Date.parse('2000-01-01T00:00:00.000Z') },
    };
    const newer = {
      episodeId: 'lcc-601',
      listenedOn: null,
      bookmarkedAt: '2026-11-20T10:00:00.000Z',
      note: 'vu ailleurs',
      rating: 3,
      updatedAt: '2026-11-20T10:00:00.000Z',
    };
    const at = Date.parse(newer.updatedAt);
    await applySyncedStates([older, { ...toSynced(newer), changedAt: { listenedOn: 0, bookmarkedAt: at, note: at, rating: at } }]);
    expect(await getListeningState('lcc-600')).toEqual(here);
    expect(await getListeningState('lcc-601')).toEqual({
      ...newer,
      changedAt: { bookmarkedAt: newer.updatedAt, note: newer.updatedAt, rating: newer.updatedAt },
    });
    expect((await readEverything()).events.filter((event) => event.episodeId === 'lcc-601')).toEqual([
      { episodeId: 'lcc-601', kind: 'bookmarked', at: newer.updatedAt },
      { episodeId: 'lcc-601', kind: 'note-edited', at: newer.updatedAt },
    ]);
  });
});

describe('positions from another browser', () => {
  it('are written on their episode’s page where newer than the one here, and wait where no page is known', async () => {
    const episode = episodeFixture(700);
    await putCachedEpisode({ url: episode.url, episode, source: 'page', etag: null, checkedAt: 1 });
    const here = { episodeId: 'lcc-700', url: episode.url, seconds: 60, duration: 5400, updatedAt: '2026-11-20T10:00:00.000Z' };
    await savePlayback(here, []);
    await applySyncedPositions([
      { episodeId: 'lcc-700', seconds: 30, duration: 5400, updatedAt: '2026-11-19T10:00:00.000Z' },
      { episodeId: 'lcc-701', seconds: 90, duration: null, updatedAt: '2026-11-21T10:00:00.000Z' },
    ]);
    expect(await getPosition('lcc-700')).toEqual(here);
    expect(await getPosition('lcc-701')).toBeNull();
    await applySyncedPositions([{ episodeId: 'lcc-700', seconds: 2592, duration: 5400, updatedAt: '2026-11-21T10:00:00.000Z' }]);
    expect(await getPosition('lcc-700')).toEqual({ ...here, seconds: 2592, updatedAt: '2026-11-21T10:00:00.000Z' });
  });
});
