import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { markListenedInBulk, undoBulkMark } from '../../../src/platform/storage/bulkMarks';
import { getListeningState, updateListeningState } from '../../../src/platform/storage/listening';
import { readEverything } from '../../../src/platform/storage/transfer';

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
