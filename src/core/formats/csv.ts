/**
 * The listening log as CSV, for spreadsheets: one row per episode the listener has data for,
 * RFC 4180 quoting (papaparse), UTF-8 with a byte order mark so that spreadsheets show the
 * accents. Read back with the same checks as the JSON file: a file with other columns, another
 * separator or a row that is not an episode is refused with its line number, nothing written.
 */
import Papa from 'papaparse';
import { episodeId } from '../episode/model';
import { isCalendarDay, isIsoTimestamp } from '../text/dates';
import { canonicalPageUrl, postAddressOfPage } from '../episode/urls';
import { exportFileOf, ImportRefused, type ExportFile } from './exportFile';
import { DAY_UNKNOWN, type EpisodeCard, type ListeningState, type ReadLaterLink } from '../records';

export const CSV_COLUMNS = [
  'number',
  'title',
  'page',
  'published',
  'listened_on',
  'bookmarked_at',
  'rating',
  'note',
  'position',
  'read_later_links',
  'updated_at',
] as const;

type CsvRow = Record<(typeof CSV_COLUMNS)[number], string>;

const BYTE_ORDER_MARK = '\uFEFF';

/**
 * A cell a spreadsheet would run as a formula (starting `=`, `+`, `-`, `@`, a tab or a carriage
 * return, as OWASP's "CSV injection" guidance lists) is written behind a `'`, which spreadsheets
 * show as text; so is one that already starts with quotes before such a character, so that the
 * import, which takes exactly one `'` back off such a cell, gives every cell back as it was.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;

function withoutFormulaGuard(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell) ? cell.slice(1) : cell;
}

/** An episode of the log: what the listener keeps, the card that names it, its links kept to read. */
export interface LogEntry {
  card: EpisodeCard;
  state: ListeningState;
  readLater: ReadLaterLink[];
}

/** Newest episode first; two posts of one day by address, so that the order is always the same. */
export function byPublicationNewestFirst(a: LogEntry, b: LogEntry): number {
  return b.card.publishedOn.localeCompare(a.card.publishedOn) || a.card.url.localeCompare(b.card.url);
}

export function logCsv(entries: LogEntry[]): string {
  const rows: CsvRow[] = [...entries].sort(byPublicationNewestFirst).map((entry) => ({
    number: entry.card.number === null ? '' : String(entry.card.number),
    title: entry.card.title,
    page: entry.card.url,
    published: entry.card.publishedOn,
    listened_on: entry.state.listenedOn ?? '',
    bookmarked_at: entry.state.bookmarkedAt ?? '',
    rating: entry.state.rating === null ? '' : String(entry.state.rating),
    note: entry.state.note,
    // The player is not there yet: its column is, so that the format does not change when it comes.
    // The links kept to read are counted here; the JSON export holds them.
    position: '',
    read_later_links: String(entry.readLater.length),
    updated_at: entry.state.updatedAt,
  }));
  return BYTE_ORDER_MARK + Papa.unparse(rows, { columns: [...CSV_COLUMNS], newline: '\r\n', escapeFormulae: FORMULA_START }) + '\r\n';
}

function refuse(line: number, what: string): never {
  throw new ImportRefused('wrong-shape', `line ${line}: ${what}`);
}

function entryOfRow(row: CsvRow, line: number): LogEntry {
  const url = canonicalPageUrl(row.page);
  const post = url === row.page ? postAddressOfPage(url) : null;
  if (!url || !post) refuse(line, 'page');
  // Digits only: `Number` would read `0x106`, `2.62e2` or ` 262` as 262.
  if (row.number !== '' && !/^\d{1,15}$/.test(row.number)) refuse(line, 'number');
  const number = row.number === '' ? null : Number(row.number);
  if (!isCalendarDay(row.published)) throw new ImportRefused('bad-date', `line ${line}: published`);
  if (row.listened_on !== '' && row.listened_on !== DAY_UNKNOWN && !isCalendarDay(row.listened_on))
    throw new ImportRefused('bad-date', `line ${line}: listened_on`);
  if (row.bookmarked_at !== '' && !isIsoTimestamp(row.bookmarked_at)) throw new ImportRefused('bad-date', `line ${line}: bookmarked_at`);
  if (!isIsoTimestamp(row.updated_at)) throw new ImportRefused('bad-date', `line ${line}: updated_at`);
  if (row.rating !== '' && !/^[1-5]$/.test(row.rating)) refuse(line, 'rating');
  const rating = row.rating === '' ? null : Number(row.rating);
  const id = episodeId(number, post.slug);
  return {
    readLater: [],
    card: { id, number, title: row.title, url, publishedOn: row.published, audioBytes: null, audioUrl: null },
    state: {
      episodeId: id,
      listenedOn: row.listened_on || null,
      bookmarkedAt: row.bookmarked_at || null,
      note: row.note,
      rating,
      updatedAt: row.updated_at,
    },
  };
}

/** Reads a CSV log, or throws `ImportRefused` naming the line that is wrong. */
export function readLogCsv(text: string): LogEntry[] {
  const body = text.startsWith(BYTE_ORDER_MARK) ? text.slice(1) : text;
  const parsed = Papa.parse<CsvRow>(body, {
    header: true,
    skipEmptyLines: true,
    delimitersToGuess: [',', ';', '\t', '|'],
    transform: withoutFormulaGuard,
  });
  if (parsed.meta.delimiter !== ',') throw new ImportRefused('wrong-shape', `separator ${JSON.stringify(parsed.meta.delimiter)}, not ","`);
  const fields = parsed.meta.fields ?? [];
  const unknown = fields.filter((field) => !(CSV_COLUMNS as readonly string[]).includes(field));
  const missing = CSV_COLUMNS.filter((column) => !fields.includes(column));
  if (unknown.length > 0 || missing.length > 0) throw new ImportRefused('wrong-shape', `columns ${[...unknown, ...missing].join(', ')}`);
  const [error] = parsed.errors;
  // Where papaparse says where in the text (an unclosed quote), the line is counted there: its row
  // is one too many then. Otherwise the header is line 1, and data row n is on line n + 2.
  if (error) refuse(error.index === undefined ? (error.row ?? 0) + 2 : body.slice(0, error.index).split('\n').length, error.message);
  // The same episode twice counts once: its state changed last.
  const entries = new Map<string, LogEntry>();
  parsed.data.forEach((row, index) => {
    const entry = entryOfRow(row, index + 2);
    const kept = entries.get(entry.state.episodeId);
    if (!kept || Date.parse(entry.state.updatedAt) > Date.parse(kept.state.updatedAt)) entries.set(entry.state.episodeId, entry);
  });
  return [...entries.values()];
}

/** A CSV log as an import: its states, and the cards that name their episodes. */
export function csvImport(entries: LogEntry[], now = new Date()): { file: ExportFile; cards: EpisodeCard[] } {
  return {
    file: exportFileOf({ listening: entries.map((entry) => entry.state) }, now),
    cards: entries.map((entry) => entry.card),
  };
}
