import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { episodeFixture } from '../../support/episodes';
import { changesEpisode, onStoreChange, type StoreChange } from '../../../src/platform/storage/database';
import { updateListeningState } from '../../../src/platform/storage/listening';

const EPISODE = episodeFixture(262, { recordedOn: '2021-07-01' });

describe('the change broadcast', () => {
  it('tells other contexts which episode changed', async () => {
    const heard: StoreChange[] = [];
    const stop = onStoreChange((change) => heard.push(change));
    await updateListeningState(EPISODE, () => ({ note: 'À réécouter' }));
    await expect.poll(() => heard).toEqual([{ episodeIds: ['lcc-262'] }]);
    stop();
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
