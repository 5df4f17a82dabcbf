import { describe, expect, it } from 'vitest';
import { bookmarks, historyByMonth, journalEntries, listeningStats, playedTimeStats } from '../../../src/core/log/journal';
import { noteNodes } from '../../../src/core/log/note';
import { DAY_UNKNOWN, type EpisodeCard, type ListeningState } from '../../../src/core/records';

function state(episodeId: string, listenedOn: string | null, bookmarkedAt: string | null = null): ListeningState {
  return { episodeId, listenedOn, bookmarkedAt, note: '', rating: null, updatedAt: '2026-01-01T00:00:00.000Z' };
}

function card(number: number, audioBytes: number | null = 57_600_000): EpisodeCard {
  return {
    id: `lcc-${number}`,
    number,
    title: `LCC ${number}`,
    url: `https://lescastcodeurs.com/x/lcc-${number}/`,
    publishedOn: '2026-01-01',
    audioBytes,
    audioUrl: null,
  };
}

describe('the journal', () => {
  const entries = journalEntries(
    [
      state('lcc-1', '2026-11-02'),
      state('lcc-2', '2026-11-20', '2026-11-21T08:00:00.000Z'),
      state('lcc-3', '2026-10-05'),
      state('lcc-4', null, '2026-09-01T08:00:00.000Z'),
      state('lcc-5', '2025-03-01'),
    ],
    [card(1), card(2), card(3, null), card(4)],
  );

  it('lists listened episodes by month, newest first', () => {
    expect(historyByMonth(entries).map((month) => [month.month, month.entries.map((entry) => entry.state.episodeId)])).toEqual([
      ['2026-11', ['lcc-2', 'lcc-1']],
      ['2026-10', ['lcc-3']],
      ['2025-03', ['lcc-5']],
    ]);
    expect(entries.find((entry) => entry.state.episodeId === 'lcc-5')!.card).toBeNull();
  });

  it('lists episodes marked at once (a bulk mark) newest first, each named by the last card given for it', () => {
    // One day and one change time for all three, as a bulk mark writes them.
    const marked = journalEntries(
      [state('lcc-9', '2026-12-01'), state('lcc-100', '2026-12-01'), state('lcc-14', '2026-12-01')],
      [card(9), { ...card(100), title: 'from the archive' }, card(14), { ...card(100), title: 'LCC 100 - kept from its page' }],
    );
    const [month] = historyByMonth(marked);
    expect(month!.entries.map((entry) => entry.state.episodeId)).toEqual(['lcc-100', 'lcc-14', 'lcc-9']);
    expect(month!.entries[0]!.card!.title).toBe('LCC 100 - kept from its page');
  });

  it('lists the episodes heard on a day unknown after every month, and counts them in no month or year', () => {
    const withUnknown = [...entries, ...journalEntries([state('lcc-6', DAY_UNKNOWN), state('lcc-7', DAY_UNKNOWN)], [card(6), card(7)])];
    expect(historyByMonth(withUnknown).map((month) => [month.month, month.entries.map((entry) => entry.state.episodeId)])).toEqual([
      ['2026-11', ['lcc-2', 'lcc-1']],
      ['2026-10', ['lcc-3']],
      ['2025-03', ['lcc-5']],
      [DAY_UNKNOWN, ['lcc-7', 'lcc-6']],
    ]);
    const stats = listeningStats(withUnknown, new Date(2026, 10, 28));
    expect(stats.total).toBe(6);
    expect(stats.perYear).toEqual(listeningStats(entries, new Date(2026, 10, 28)).perYear);
    expect(stats.estimatedHours).toBeCloseTo(4);
  });

  it('lists bookmarks, newest first', () => {
    expect(bookmarks(entries).map((entry) => entry.state.episodeId)).toEqual(['lcc-2', 'lcc-4']);
  });

  it('counts per year and month, the month streak and the hours from audio sizes', () => {
    const stats = listeningStats(entries, new Date(2026, 10, 28));
    expect(stats.total).toBe(4);
    expect(stats.perYear).toEqual([
      { year: '2025', count: 1 },
      { year: '2026', count: 3 },
    ]);
    expect(stats.lastTwelveMonths).toHaveLength(12);
    expect(stats.lastTwelveMonths.at(-1)).toEqual({ month: '2026-11', count: 2 });
    expect(stats.lastTwelveMonths.at(-2)).toEqual({ month: '2026-10', count: 1 });
    expect(stats.monthStreak).toBe(2);
    // 57.6 MB at 128 kbit/s is one hour; lcc-3 has no size and lcc-5 no card.
    expect(stats.estimatedHours).toBeCloseTo(2);
    expect(stats.episodesWithoutSize).toBe(2);
    expect(listeningStats(entries, new Date(2026, 11, 15)).monthStreak).toBe(2);
    expect(listeningStats(entries, new Date(2027, 1, 1)).monthStreak).toBe(0);
  });
});

describe('personal notes', () => {
  it('keep http(s) links and formatting, and show raw HTML and other schemes as text', () => {
    expect(
      noteNodes('**Super** [lien](https://a.example/) [x](javascript:alert(1)) <img src=x onerror=alert(1)>', () => undefined),
    ).toEqual([
      {
        type: 'p',
        children: [
          { type: 'strong', children: [{ type: 'text', text: 'Super' }] },
          { type: 'text', text: ' ' },
          { type: 'link', href: 'https://a.example/', children: [{ type: 'text', text: 'lien' }] },
          { type: 'text', text: ' ' },
          { type: 'text', text: 'x' },
          { type: 'text', text: ' ' },
          { type: 'text', text: '<img src=x onerror=alert(1)>' },
        ],
      },
    ]);
  });

  it('reads entities, the named ones as the given table knows them', () => {
    const named = (name: string) => ({ hellip: '…' })[name];
    expect(noteNodes('Bof&hellip; &#233;t&#xE9; &gg; `&amp;`', named)).toEqual([
      {
        type: 'p',
        children: [
          { type: 'text', text: 'Bof… été &gg; ' },
          { type: 'code', text: '&amp;' },
        ],
      },
    ]);
  });
});

describe('the time played in the player', () => {
  it('sums the hours, per month over the last twelve and per year', () => {
    const stats = playedTimeStats(
      [
        { month: '2025-10', wallSeconds: 3600, contentSeconds: 5400 },
        { month: '2026-11', wallSeconds: 1800, contentSeconds: 2700 },
        { month: '2026-03', wallSeconds: 7200, contentSeconds: 7200 },
      ],
      new Date(2026, 10, 29),
    );
    expect(stats.wallHours).toBe(3.5);
    expect(stats.contentHours).toBe(4.25);
    expect(stats.lastTwelveMonths).toHaveLength(12);
    expect(stats.lastTwelveMonths[0]).toEqual({ month: '2025-12', wallHours: 0 });
    expect(stats.lastTwelveMonths.at(-1)).toEqual({ month: '2026-11', wallHours: 0.5 });
    expect(stats.perYear).toEqual([
      { year: '2025', wallHours: 1 },
      { year: '2026', wallHours: 2.5 },
    ]);
  });
});
