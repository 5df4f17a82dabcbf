/** The podcast apps' history files (test/fixtures, made by scripts/make-app-fixtures.ts) read and turned into an import. */
import { readFileSync } from 'node:fs';
import { DOMParser } from 'linkedom';
import initSqlJs from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SqlJsStatic } from 'sql.js';
import { appHistoryImport } from '../../../src/core/formats/appHistory';
import { ImportRefused, planImport, exportFileOf } from '../../../src/core/formats/exportFile';
import { cardOf, DAY_UNKNOWN, type EpisodeCard } from '../../../src/core/records';
import { audioUrlOf } from '../../../src/core/episode/mediaUrls';
import { localToday } from '../../../src/core/text/dates';
import { isSqliteFile, readAntennaPodBackup } from '../../../src/platform/apps/antennapod';
import { looksLikeOpml, readOvercastOpml } from '../../../src/platform/apps/overcast';
import type { DocumentParser } from '../../../src/platform/html/feed';
import { episodeFixture, heardState } from '../../support/episodes';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/${name}`, import.meta.url));
const parser = new DOMParser() as unknown as DocumentParser;
const NOW = new Date('2026-12-01T10:00:00.000Z');
const dayOf = (iso: string) => localToday(new Date(iso));

/** The archive: the show's episodes of the fixtures, each with its mp3. */
const ARCHIVE: EpisodeCard[] = [262, 329, 330, 332, 334, 335, 336, 338, 339, 340].map((number) =>
  cardOf(episodeFixture(number, { audio: { url: audioUrlOf(number), bytes: 90_000_000 } })),
);

let sql: SqlJsStatic;
beforeAll(async () => {
  sql = await initSqlJs();
});

const refusal = (read: () => unknown) => {
  try {
    read();
  } catch (error) {
    return error instanceof ImportRefused ? error.problem : error;
  }
  return 'accepted';
};

describe('AntennaPod database export', () => {
  it('gives the show’s played episodes with their days, positions, favourites and queue, and nothing of other podcasts', () => {
    const bytes = new Uint8Array(fixture('AntennaPodBackup-2026-11-30.db'));
    expect(isSqliteFile(bytes)).toBe(true);
    const { file, summary } = appHistoryImport(readAntennaPodBackup(bytes, sql), ARCHIVE, [], NOW);
    expect(summary).toEqual({ listened: 7, undated: 4, positions: 1, favourites: 2, queued: 2, otherPodcasts: 4, unknown: 1 });
    const days = Object.fromEntries(file.listening.map((state) => [state.episodeId, state.listenedOn]));
    expect(days).toEqual({
      'lcc-340': dayOf('2026-11-20T19:30:00Z'),
      'lcc-339': dayOf('2026-11-10T08:00:00Z'),
      'lcc-338': DAY_UNKNOWN,
      'lcc-332': DAY_UNKNOWN,
      'lcc-330': DAY_UNKNOWN,
      'lcc-329': DAY_UNKNOWN,
      'lcc-262': dayOf('2021-09-15T12:00:00Z'),
      'lcc-336': null,
      'lcc-335': null,
    });
    expect(file.listening.filter((state) => state.bookmarkedAt !== null).map((state) => state.episodeId)).toEqual(['lcc-336', 'lcc-335']);
    expect(file.positions).toEqual([
      {
        episodeId: 'lcc-336',
        url: ARCHIVE.find((card) => card.id === 'lcc-336')!.url,
        seconds: 43 * 60 + 12,
        duration: 5400,
        updatedAt: '2026-11-28T07:45:00.000Z',
        device: 'AntennaPod',
      },
    ]);
    expect(file.queue.map((item) => item.episodeId)).toEqual(['lcc-335', 'lcc-336']);
    expect(file.events.filter((event) => event.kind === 'listened')).toHaveLength(7);
    expect(file.events.every((event) => event.from === 'app' && event.device === 'AntennaPod')).toBe(true);
  });

  it('refuses a file that is not AntennaPod’s database: another SQLite file, a truncated one, or no SQLite at all', () => {
    const other = new sql.Database();
    other.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes VALUES (1, "x")');
    expect(refusal(() => readAntennaPodBackup(other.export(), sql))).toBe('not-antennapod');
    const bytes = new Uint8Array(fixture('AntennaPodBackup-2026-11-30.db'));
    expect(refusal(() => readAntennaPodBackup(bytes.slice(0, 4096 + 100), sql))).toBe('not-antennapod');
    expect(refusal(() => readAntennaPodBackup(new TextEncoder().encode('{"format":"lcc"}'), sql))).toBe('not-antennapod');
  });
});

describe('Overcast OPML export', () => {
  it('gives the show’s played episodes (on the day of their last change, unknown for a batch), positions and stars', () => {
    const text = fixture('overcast-all-data.opml').toString('utf8');
    expect(looksLikeOpml(text)).toBe(true);
    const { file, summary } = appHistoryImport(readOvercastOpml(text, parser), ARCHIVE, [], NOW);
    expect(summary).toEqual({ listened: 3, undated: 2, positions: 1, favourites: 1, queued: 0, otherPodcasts: 2, unknown: 0 });
    const days = Object.fromEntries(file.listening.map((state) => [state.episodeId, state.listenedOn]));
    expect(days).toEqual({
      'lcc-340': dayOf('2026-11-21T07:10:00-05:00'),
      'lcc-339': DAY_UNKNOWN,
      'lcc-338': DAY_UNKNOWN,
      'lcc-335': null,
    });
    expect(file.positions.map(({ episodeId, seconds, device }) => ({ episodeId, seconds, device }))).toEqual([
      { episodeId: 'lcc-336', seconds: 2592, device: 'Overcast' },
    ]);
  });

  it('refuses an OPML of another app, a broken one, and what is no OPML', () => {
    const subscriptions = `<?xml version="1.0"?><opml version="2.0"><body><outline text="LCC" type="rss" xmlUrl="https://lescastcodeurs.com/podcast-rss"/></body></opml>`;
    expect(looksLikeOpml(subscriptions)).toBe(true);
    expect(refusal(() => readOvercastOpml(subscriptions, parser))).toBe('not-overcast');
    expect(refusal(() => readOvercastOpml('<rss><channel/></rss>', parser))).toBe('not-overcast');
    expect(looksLikeOpml('{"opml": true}')).toBe(false);
  });
});

describe('an app’s history on top of the log', () => {
  const history = {
    app: 'antennapod' as const,
    episodes: [262, 336].map((number) => ({
      media: audioUrlOf(number),
      played: true,
      playedAt: Date.parse(`2026-11-0${number % 9}T20:00:00Z`),
      position: 0,
      duration: null,
      positionAt: null,
      favourite: true,
      queuePlace: null,
    })),
  };

  it('keeps the day, the favourite’s date, the note and the rating given here; gives a day where the log had none', () => {
    const stored = [
      heardState({ bookmarkedAt: '2025-01-01T00:00:00.000Z', note: 'super', rating: 5 }),
      heardState({ episodeId: 'lcc-336', listenedOn: DAY_UNKNOWN, note: 'à revoir' }),
    ];
    const { file, summary } = appHistoryImport(history, ARCHIVE, stored, NOW);
    expect(file.listening).toEqual([
      { ...stored[1], listenedOn: dayOf('2026-11-03T20:00:00Z'), bookmarkedAt: NOW.toISOString(), updatedAt: NOW.toISOString() },
    ]);
    expect(summary).toMatchObject({ listened: 2, undated: 0, favourites: 2 });
    // Merged, the import changes the one state it brings something to.
    const plan = planImport({ ...exportFileOf({ listening: stored }, NOW) }, file, 'merge');
    expect(plan.counts).toMatchObject({ newStates: 0, changedStates: 1, newEvents: 2 });
  });

  it('imports the same file twice as once', () => {
    const first = appHistoryImport(history, ARCHIVE, [], NOW).file;
    const again = appHistoryImport(history, ARCHIVE, first.listening, new Date('2026-12-02T10:00:00.000Z'));
    expect(again.file.listening).toEqual([]);
    expect(again.file.events).toEqual([]);
  });
});
