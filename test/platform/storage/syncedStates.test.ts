import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { getListeningState, updateListeningState } from '../../../src/platform/storage/listening';
import { applySyncedStates } from '../../../src/platform/storage/syncedStates';
import { readEverything } from '../../../src/platform/storage/transfer';

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
