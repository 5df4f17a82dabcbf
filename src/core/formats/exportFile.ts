/**
 * The export file (`lcc-companion-export-YYYY-MM-DD.json`): everything the listener has, with a
 * format version, and the checks an import file must pass before anything stored is touched.
 * Pure: the options page reads the file, this module says whether and how it can be applied.
 */
import * as v from 'valibot';
import { BAD_DATE, isoTimestamp } from '../episode/schema';
import {
  cachedEpisodeSchema,
  listenedTimeSchema,
  listeningEventSchema,
  listeningStateSchema,
  openedLinkSchema,
  playableSchema,
  playbackPositionSchema,
  readLaterLinkSchema,
  settingsSchema,
} from '../records';
import type { EpisodeCard, ListenedTime, ListeningEvent, Settings } from '../records';

export const EXPORT_FORMAT = 'lcc-companion-export';
/**
 * 2: the reading list and the links opened; 3: the player's positions, time listened and queue.
 * Files of an older version, without them, still import.
 */
export const EXPORT_VERSION = 3;
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/**
 * How two records of one kind of data are the same record, and which of the two is kept: within
 * one file, and between the file and what is stored when an import merges.
 */
interface DataKind<T> {
  schema: v.GenericSchema<unknown, T>;
  /** Files of an older format version do not have this kind: it is empty there. */
  since: number;
  keyOf(record: T): string;
  keep(current: T, other: T): T;
}

/** A record that does not change: the one there first stays. */
const first = <T>(current: T): T => current;

/** Of two records of the same thing, the one changed last. */
const newer = <T extends { updatedAt: string }>(a: T, b: T) => (Date.parse(b.updatedAt) > Date.parse(a.updatedAt) ? b : a);

/**
 * Of two counts of one month, the larger: time listened is never added up across files, so that
 * a file imported back where it was exported counts its time once.
 */
const larger = (a: ListenedTime, b: ListenedTime): ListenedTime => (b.contentSeconds > a.contentSeconds ? b : a);

const eventKey = (event: ListeningEvent) => `${event.episodeId}\u0000${event.kind}\u0000${event.at}`;

const kind = <T>(schema: v.GenericSchema<unknown, T>, since: number, keyOf: (record: T) => string, keep: (current: T, other: T) => T) =>
  ({ schema, since, keyOf, keep }) satisfies DataKind<T>;

/**
 * Each kind of the listener's data, in the order an export file writes them: the one table from
 * which the file, its checks, what is stored and what an import writes are all derived. Adding a
 * kind is a line here (and its store, in the schema and in `transfer.ts`).
 */
const KINDS = {
  episodes: kind(cachedEpisodeSchema, 1, (entry) => entry.url, first),
  listening: kind(listeningStateSchema, 1, (state) => state.episodeId, newer),
  events: kind(listeningEventSchema, 1, eventKey, first),
  readLater: kind(readLaterLinkSchema, 2, (link) => link.url, newer),
  opened: kind(openedLinkSchema, 2, (link) => `${link.episodeId}\u0000${link.url}`, first),
  positions: kind(playbackPositionSchema, 3, (position) => position.episodeId, newer),
  listenedTime: kind(listenedTimeSchema, 3, (time) => time.month, larger),
  queue: kind(playableSchema, 3, (item) => item.episodeId, first),
};

type Kind = keyof typeof KINDS;

/** What is stored now, as an export file holds it: every kind of data, as a list of its records. */
export type StoredData = { [K in Kind]: v.InferOutput<(typeof KINDS)[K]['schema']>[] };

const KIND_NAMES = Object.keys(KINDS) as Kind[];

/** A value for each kind. The kinds' record types differ; what `make` gives for each is that kind's. */
function byKind(make: (name: Kind, kind: DataKind<unknown>) => unknown): StoredData {
  return Object.fromEntries(KIND_NAMES.map((name) => [name, make(name, KINDS[name] as DataKind<unknown>)])) as StoredData;
}

export interface ExportFile extends StoredData {
  format: typeof EXPORT_FORMAT;
  version: number;
  exportedAt: string;
  /** The journal's settings; absent from files that predate them. */
  settings?: Settings;
}

/** Why an import file is refused; each has a message in `_locales` (`importProblem_…`). */
export type ImportProblem = 'too-large' | 'not-json' | 'wrong-shape' | 'newer-version' | 'bad-date' | 'not-antennapod' | 'not-overcast';

export class ImportRefused extends Error {
  constructor(
    readonly problem: ImportProblem,
    readonly detail = '',
  ) {
    super(`import refused: ${problem}${detail ? ` (${detail})` : ''}`);
    this.name = 'ImportRefused';
  }
}

export function exportFileName(now = new Date()): string {
  return `lcc-companion-export-${now.toISOString().slice(0, 10)}.json`;
}

/** A kind's records in a file: a list that files older than the kind lack. */
function recordsOf(name: Kind): v.GenericSchema<unknown, unknown[]> {
  const records = v.array(KINDS[name].schema as v.GenericSchema<unknown, unknown>);
  return KINDS[name].since === 1 ? records : v.optional(records, []);
}

/** The file past its format and version, every record checked in depth by the stored records' own schemas. */
const fileSchema = v.object({
  format: v.literal(EXPORT_FORMAT),
  version: v.number(),
  exportedAt: isoTimestamp,
  ...(Object.fromEntries(KIND_NAMES.map((name) => [name, recordsOf(name)])) as Record<Kind, v.GenericSchema<unknown, unknown[]>>),
  settings: v.optional(settingsSchema),
});

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fail(problem: ImportProblem, where: string): never {
  throw new ImportRefused(problem, where);
}

/** Checks the file against its schema; a refusal names the first place that is wrong. */
function checkFile(data: unknown): Omit<ExportFile, Kind> & Record<Kind, unknown[]> {
  let result;
  try {
    result = v.safeParse(fileSchema, data);
  } catch {
    // Nesting deep enough to exhaust the stack is no file this extension wrote.
    fail('wrong-shape', 'episodes');
  }
  if (result.success) return result.output;
  const [issue] = result.issues;
  const where = (v.getDotPath(issue) ?? '').replace(/\.(\d+)(?=\.|$)/g, '[$1]');
  fail(issue.message === BAD_DATE ? 'bad-date' : 'wrong-shape', where);
}

/** The same record twice in one file counts once, by its kind's rule: the state changed last, an event once. */
function withoutDuplicates<T>(records: T[], kind: DataKind<T>): T[] {
  const byKey = new Map<string, T>();
  for (const record of records) {
    const key = kind.keyOf(record);
    const kept = byKey.get(key);
    byKey.set(key, kept === undefined ? record : kind.keep(kept, record));
  }
  return [...byKey.values()];
}

/** Reads an import file, or throws `ImportRefused` saying what is wrong with it. */
export function readExportFile(text: string, byteLength = text.length): ExportFile {
  if (byteLength > MAX_IMPORT_BYTES) fail('too-large', `${Math.ceil(byteLength / 1024 / 1024)} MB`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    fail('not-json', error instanceof Error ? error.message : '');
  }
  if (!isRecord(data) || data['format'] !== EXPORT_FORMAT) fail('wrong-shape', 'format');
  const version = data['version'];
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1) fail('wrong-shape', 'version');
  if (version > EXPORT_VERSION) fail('newer-version', String(version));
  const file = checkFile(data);
  const records = file as unknown as StoredData;
  return { ...file, ...byKind((name, kind) => withoutDuplicates(records[name], kind)) };
}

/** The records of `incoming` that `kind` prefers to the stored one of the same key, or that are new. */
function preferred<T>(stored: T[], incoming: T[], kind: DataKind<T>): T[] {
  const byKey = new Map(stored.map((record) => [kind.keyOf(record), record]));
  return incoming.filter((record) => {
    const current = byKey.get(kind.keyOf(record));
    return current === undefined || kind.keep(current, record) === record;
  });
}

/** An export file of this format version holding `data`, every kind not given empty. */
export function exportFileOf(data: Partial<StoredData>, exportedAt: Date, settings?: Settings): ExportFile {
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: exportedAt.toISOString(),
    ...byKind(() => []),
    ...data,
    ...(settings && { settings }),
  };
}

export type ImportMode = 'merge' | 'replace';

/**
 * What applying an import will write: of each kind, the records to put (of the queue, the whole
 * queue to store), and the counts the preview shows.
 */
export interface ImportPlan extends StoredData {
  mode: ImportMode;
  /** Replace takes the file's settings; merge keeps this device's. */
  settings: Settings | null;
  /** Cards that name episodes a CSV file has states for (a JSON file's come with its episodes). */
  cards: EpisodeCard[];
  counts: {
    newStates: number;
    changedStates: number;
    newEvents: number;
    newEpisodes: number;
    removedStates: number;
    readLater: number;
  };
}

/**
 * Merge: of each kind, the file's records its rule prefers to the stored ones (the state changed
 * last, an event once, an episode where missing), and the file's queued episodes after this
 * device's queue. Replace: the file's data, and nothing else.
 */
export function planImport(stored: StoredData, file: ExportFile, mode: ImportMode, cards: EpisodeCard[] = []): ImportPlan {
  const storedStates = new Map(stored.listening.map((state) => [state.episodeId, state]));
  const data: StoredData =
    mode === 'replace' ? byKind((name) => file[name]) : byKind((name, kind) => preferred(stored[name] as unknown[], file[name], kind));
  // This device's queue stays as it is; the file's episodes not in it follow.
  if (mode === 'merge') data.queue = [...stored.queue, ...data.queue];
  const incoming = new Set(file.listening.map((state) => state.episodeId));
  const taken = new Set(data.listening.map((state) => state.episodeId));
  return {
    mode,
    settings: mode === 'replace' ? (file.settings ?? null) : null,
    ...data,
    cards: mode === 'replace' ? cards : cards.filter((card) => taken.has(card.id)),
    counts: {
      newStates: data.listening.filter((state) => !storedStates.has(state.episodeId)).length,
      changedStates: data.listening.filter((state) => storedStates.has(state.episodeId)).length,
      newEvents: data.events.length,
      newEpisodes: data.episodes.length,
      removedStates: mode === 'replace' ? stored.listening.filter((state) => !incoming.has(state.episodeId)).length : 0,
      readLater: data.readLater.length,
    },
  };
}
