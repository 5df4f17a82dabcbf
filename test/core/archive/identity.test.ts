/** One episode number, one post (issue 24, 2). */
import { describe, expect, it } from 'vitest';
import { onePostPerNumber, type KeptPost } from '../../../src/core/archive/identity';
import type { ArchiveEpisode } from '../../../src/core/records';
import { episodeFixture } from '../../support/episodes';

const post = (number: number | null, url: string, publishedOn: string): ArchiveEpisode => ({
  url,
  episode: episodeFixture(number ?? 0, { number, url, publishedOn, id: number === null ? 'un-billet' : `lcc-${number}` }),
  text: '',
});

const kept = (entry: ArchiveEpisode): KeptPost => ({ url: entry.url, number: entry.episode.number });

describe('onePostPerNumber', () => {
  const episode25 = post(25, 'https://lescastcodeurs.com/2010/07/25/les-cast-codeurs-podcast-episode-25-interview/', '2010-07-25');
  const video25 = post(25, 'https://lescastcodeurs.com/2010/09/09/lepisode-25-usi-2010-en-video-est-arrive/', '2010-09-09');
  const note = post(null, 'https://lescastcodeurs.com/2012/06/12/nouveau-site-web/', '2012-06-12');

  it('gives a number to the post published first where the archive holds none, and counts the others', () => {
    expect(onePostPerNumber([video25, note, episode25], [])).toEqual({ kept: [note, episode25], refused: 1 });
  });

  it('leaves a number to the post the archive holds, however early the newcomer says it was published', () => {
    const earlier = post(25, 'https://lescastcodeurs.com/2009/01/01/lcc-25-faux/', '2009-01-01');
    expect(onePostPerNumber([earlier, episode25], [kept(episode25)])).toEqual({ kept: [episode25], refused: 1 });
    // Both posts of LCC 25 kept by a version before this rule keep their places.
    expect(onePostPerNumber([video25, episode25], [kept(episode25), kept(video25)])).toEqual({ kept: [video25, episode25], refused: 0 });
  });
});
