import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { episodeFixture } from '../../support/episodes';
import { markListenedInBulk, undoBulkMark } from '../../../src/platform/storage/bulkMarks';
import { onStoreChange, type StoreChange } from '../../../src/platform/storage/database';
import { getListeningState } from '../../../src/platform/storage/listening';
import { readEverything } from '../../../src/platform/storage/transfer';
import { enqueue } from '../../../src/core/player/queue';
import { getPosition, getQueue, listListenedTime, savePlayback, updateQueue } from '../../../src/platform/storage/playback';

const EPISODE = episodeFixture(262, { recordedOn: '2021-07-01' });

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
