import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { episodeFixture } from '../../support/episodes';
import { getCachedEpisode, listEpisodeCards, putCachedEpisode } from '../../../src/platform/storage/episodeCopies';
import { updateListeningState } from '../../../src/platform/storage/listening';

const EPISODE = episodeFixture(262, { recordedOn: '2021-07-01' });

describe('the episode copies', () => {
  it('caches an episode by its page address', async () => {
    await putCachedEpisode({ url: EPISODE.url, episode: EPISODE, source: 'markdown', etag: '"abc"', checkedAt: 1 });
    expect(await getCachedEpisode(EPISODE.url)).toMatchObject({ etag: '"abc"', episode: { id: 'lcc-262' } });
    expect(await getCachedEpisode('https://lescastcodeurs.com/other/')).toBeUndefined();
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
