/**
 * AntennaPod's "Database export" (`AntennaPodBackup-YYYY-MM-DD.db`), a raw copy of the app's
 * SQLite database, read with sql.js (SQLite compiled to WebAssembly): every episode with its
 * media, as the app holds it. The SQLite build is given, so that the page loads it only once such
 * a file is chosen, and Node tests give theirs.
 */
import type { SqlJsStatic, SqlValue } from 'sql.js';
import { ImportRefused } from '../../core/formats/exportFile';
import type { AppEpisode, AppHistory } from '../../core/formats/appHistory';

/** The first bytes of every SQLite database file. */
const SQLITE_HEADER = 'SQLite format 3\u0000';

export function isSqliteFile(start: Uint8Array): boolean {
  return String.fromCharCode(...start.subarray(0, SQLITE_HEADER.length)) === SQLITE_HEADER;
}

/** The tables of AntennaPod's schema that hold the history; a database without them is another app's. */
const TABLES = ['Feeds', 'FeedItems', 'FeedMedia', 'Favorites', 'Queue'];

// Every episode with its media; its favourite and queue rows by item (AntennaPod's Queue `id` is the order).
const EPISODES = `
  SELECT m.download_url, i.read, m.playback_completion_date, m.position, m.duration, m.last_played_time,
    EXISTS (SELECT 1 FROM Favorites f WHERE f.feeditem = i.id),
    (SELECT MIN(q.id) FROM Queue q WHERE q.feeditem = i.id)
  FROM FeedItems i JOIN FeedMedia m ON m.feeditem = i.id`;

/** A column's number where it holds one above 0 (AntennaPod writes 0 or NULL for "never"). */
const positive = (value: SqlValue | undefined): number | null => (typeof value === 'number' && value > 0 ? value : null);

const toSeconds = (milliseconds: number | null) => (milliseconds === null ? null : Math.floor(milliseconds / 1000));

export function readAntennaPodBackup(bytes: Uint8Array, sql: SqlJsStatic): AppHistory {
  if (!isSqliteFile(bytes)) throw new ImportRefused('not-antennapod', 'SQLite');
  let database;
  try {
    database = new sql.Database(bytes);
  } catch (error) {
    throw new ImportRefused('not-antennapod', error instanceof Error ? error.message : 'SQLite');
  }
  try {
    const [tables] = database.exec("SELECT name FROM sqlite_master WHERE type = 'table'");
    const present = new Set(tables?.values.map(([name]) => String(name)) ?? []);
    const missing = TABLES.filter((table) => !present.has(table));
    if (missing.length > 0) throw new ImportRefused('not-antennapod', missing.join(', '));
    const [rows] = database.exec(EPISODES);
    const episodes = (rows?.values ?? []).flatMap(([media, read, completed, position, duration, lastPlayed, favourite, queued]) => {
      if (typeof media !== 'string') return [];
      const episode: AppEpisode = {
        media,
        played: read === 1,
        playedAt: positive(completed),
        position: toSeconds(positive(position)) ?? 0,
        duration: toSeconds(positive(duration)),
        positionAt: positive(lastPlayed),
        favourite: favourite === 1,
        queuePlace: typeof queued === 'number' ? queued : null,
      };
      return [episode];
    });
    return { app: 'antennapod', episodes };
  } catch (error) {
    // A truncated or damaged file opens, and fails at its first read.
    if (error instanceof ImportRefused) throw error;
    throw new ImportRefused('not-antennapod', error instanceof Error ? error.message : 'SQLite');
  } finally {
    database.close();
  }
}
