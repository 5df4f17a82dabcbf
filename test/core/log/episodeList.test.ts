import { describe, expect, it } from 'vitest';
import { episodeRows } from '../../../src/core/log/episodeList';
import { cardOf } from '../../../src/core/records';
import { episodeFixture, heardState } from '../../support/episodes';

describe('episodeRows', () => {
  it('draws two posts of one episode as one row, its first post, with its state', () => {
    const original = cardOf(episodeFixture(25, { url: 'https://lescastcodeurs.com/2010/07/25/episode-25/', publishedOn: '2010-07-25' }));
    const video = cardOf(
      episodeFixture(25, { url: 'https://lescastcodeurs.com/2010/09/09/video-25/', publishedOn: '2010-09-09', title: 'La vidéo' }),
    );
    const other = cardOf(episodeFixture(26, { url: 'https://lescastcodeurs.com/2010/08/01/episode-26/', publishedOn: '2010-08-01' }));
    const rows = episodeRows([video, other, original], [], [heardState({ episodeId: 'lcc-25' })]);
    expect(rows.map((row) => [row.card.url, row.state?.episodeId ?? null])).toEqual([
      [other.url, null],
      [original.url, 'lcc-25'],
    ]);
  });

  it('takes the archive card of a page over the one kept from the page itself', () => {
    const kept = { ...cardOf(episodeFixture(262)), audioBytes: null };
    const archived = { ...kept, audioBytes: 1234 };
    expect(episodeRows([archived], [kept], []).map((row) => row.card.audioBytes)).toEqual([1234]);
  });
});
