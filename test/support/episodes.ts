import type { Episode } from '../../src/episode/model';

/** A small episode for unit tests of what stores or shows episodes. */
export function episodeFixture(number: number, overrides: Partial<Episode> = {}): Episode {
  return {
    id: `lcc-${number}`,
    number,
    title: `LCC ${number} - Interview`,
    url: `https://lescastcodeurs.com/2021/09/02/lcc-${number}-interview/`,
    publishedOn: '2021-09-02',
    recordedOn: null,
    author: 'Emmanuel Bernard',
    team: [],
    summary: '',
    audio: null,
    video: null,
    outline: [],
    links: [],
    ...overrides,
  };
}
