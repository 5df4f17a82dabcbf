import type { Episode } from '../../src/core/episode/model';
import type { ListeningState } from '../../src/core/records';

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
    conferences: [],
    ...overrides,
  };
}

/** A listening state for unit tests: episode 262, heard on 2021-09-03, nothing else kept. */
export function heardState(overrides: Partial<ListeningState> = {}): ListeningState {
  return {
    episodeId: 'lcc-262',
    listenedOn: '2021-09-03',
    bookmarkedAt: null,
    note: '',
    rating: null,
    updatedAt: '2021-09-05T08:00:00.000Z',
    ...overrides,
  };
}

/** A listener of every episode: listened, a third bookmarked, half rated, no notes. */
export function everyEpisodeListened(count = 359): ListeningState[] {
  return Array.from({ length: count }, (_, index) => ({
    episodeId: `lcc-${index + 1}`,
    note: '',
    listenedOn: `20${String(10 + (index % 16)).padStart(2, '0')}-${String(1 + (index % 12)).padStart(2, '0')}-${String(1 + (index % 28)).padStart(2, '0')}`,
    bookmarkedAt:
      index % 3 === 0 ? `2025-0${1 + (index % 9)}-1${index % 10}T08:30:1${index % 10}.${String(index % 1000).padStart(3, '0')}Z` : null,
    rating: index % 2 === 0 ? 1 + (index % 5) : null,
    updatedAt: new Date(Date.UTC(2026, 0, 1) + index * 3_600_123).toISOString(),
  }));
}
