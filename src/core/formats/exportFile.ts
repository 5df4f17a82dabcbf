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
import type {
  CachedEpisode,
  EpisodeCard,
  ListenedTime,
  ListeningEvent,
  ListeningState,
  OpenedLink,
  Playable,
  PlaybackPosition,
  ReadLaterLink,
  Settings,
} from '../records';

export const EXPORT_FORMAT = 'lcc-companion-export';
/**
 * 2: the reading list and the links opened; 3: the player's positions, time listened and queue.
 * Files of an older version, without them, still import.
 */
export const EXPORT_VERSION = 3;
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  version: number;
  exportedAt: string;
  episodes: CachedEpisode[];
  listening: ListeningState[];
  events: ListeningEvent[];
  readLater: ReadLaterLink[];
  opened: OpenedLink[];
  positions: PlaybackPosition[];
  listenedTime: ListenedTime[];
  queue: Playable[];
  /** The journal's settings; absent from files that predate them. */
  settings?: Settings;
}

/** Why an import file is refused; each has a message in `_locales` (`importProblem_…`). */
export type ImportProblem = 'too-large' | 'not-json' | 'wrong-shape' | 'newer-version' | 'bad-date';

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

/** The file past its format and version, every record checked in depth by the stored records' own schemas. */
const fileSchema = v.object({
  format: v.literal(EXPORT_FORMAT),
  version: v.number(),
  exportedAt: isoTimestamp,
  episodes: v.array(cachedEpisodeSchema),
  listening: v.array(listeningStateSchema),
  events: v.array(listeningEventSchema),
  readLater: v.optional(v.array(readLaterLinkSchema), []),
  opened: v.optional(v.array(openedLinkSchema), []),
  positions: v.optional(v.array(playbackPositionSchema), []),
  listenedTime: v.optional(v.array(listenedTimeSchema), []),
  queue: v.optional(v.array(playableSchema), []),
  settings: v.optional(settingsSchema),
});

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fail(problem: ImportProblem, where: string): never {
  throw new ImportRefused(problem, where);
}

/** Checks the file against its schema; a refusal names the first place that is wrong. */
function checkFile(data: unknown): v.InferOutput<typeof fileSchema> {
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

/**
 * The same record twice in one file counts once: the state changed last, the last copy of an
 * episode, an event once.
 */
function withoutDuplicates<T>(records: T[], keyOf: (record: T) => string, keep: (kept: T, other: T) => T = (_, other) => other): T[] {
  const byKey = new Map<string, T>();
  for (const record of records) {
    const key = keyOf(record);
    const kept = byKey.get(key);
    byKey.set(key, kept === undefined ? record : keep(kept, record));
  }
  return [...byKey.values()];
}

/** Of two records of the same thing, the one changed last. */
const newer = <T extends { updatedAt: string }>(a: T, b: T) => (Date.parse(b.updatedAt) > Date.parse(a.updatedAt) ? b : a);

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
  return {
    ...file,
    episodes: withoutDuplicates(file.episodes, (entry) => entry.url),
    listening: withoutDuplicates(file.listening, (state) => state.episodeId, newer),
    events: withoutDuplicates(file.events, eventKey),
    readLater: withoutDuplicates(file.readLater, (link) => link.url, newer),
    opened: withoutDuplicates(
      file.opened,
      (link) => `${link.episodeId}\u0000${link.url}`,
      (kept) => kept,
    ),
    positions: withoutDuplicates(file.positions, (position) => position.episodeId, newer),
    listenedTime: withoutDuplicates(file.listenedTime, (time) => time.month, larger),
    queue: withoutDuplicates(
      file.queue,
      (item) => item.episodeId,
      (kept) => kept,
    ),
  };
}

/**
 * Of two counts of one month, the larger: time listened is never added up across files, so that
 * a file imported back where it was exported counts its time once.
 */
function larger(a: ListenedTime, b: ListenedTime): ListenedTime {
  return b.contentSeconds > a.contentSeconds ? b : a;
}

/** The records of `incoming` that `keep` prefers to the stored one of the same key, or that are new. */
function preferred<T>(stored: T[], incoming: T[], keyOf: (record: T) => string, keep: (current: T, other: T) => T): T[] {
  const byKey = new Map(stored.map((record) => [keyOf(record), record]));
  return incoming.filter((record) => {
    const current = byKey.get(keyOf(record));
    return current === undefined || keep(current, record) === record;
  });
}

/** What is stored now, as an export file holds it. */
export interface StoredData {
  episodes: CachedEpisode[];
  listening: ListeningState[];
  events: ListeningEvent[];
  readLater: ReadLaterLink[];
  opened: OpenedLink[];
  positions: PlaybackPosition[];
  listenedTime: ListenedTime[];
  queue: Playable[];
}

/** Each kind of the listener's data, empty. */
const NO_DATA: StoredData = {
  episodes: [],
  listening: [],
  events: [],
  readLater: [],
  opened: [],
  positions: [],
  listenedTime: [],
  queue: [],
};

/** An export file of this format version holding `data`, every kind not given empty. */
export function exportFileOf(data: Partial<StoredData>, exportedAt: Date, settings?: Settings): ExportFile {
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: exportedAt.toISOString(),
    ...NO_DATA,
    ...data,
    ...(settings && { settings }),
  };
}

export type ImportMode = 'merge' | 'replace';

/** What applying an import will write, and the counts the preview shows. */
export interface ImportPlan {
  mode: ImportMode;
  /** Replace takes the file's settings; merge keeps this device's. */
  settings: Settings | null;
  episodes: CachedEpisode[];
  listening: ListeningState[];
  events: ListeningEvent[];
  /** Cards that name episodes a CSV file has states for (a JSON file's come with its episodes). */
  cards: EpisodeCard[];
  readLater: ReadLaterLink[];
  opened: OpenedLink[];
  positions: PlaybackPosition[];
  listenedTime: ListenedTime[];
  /** The whole queue to store. */
  queue: Playable[];
  counts: {
    newStates: number;
    changedStates: number;
    newEvents: number;
    newEpisodes: number;
    removedStates: number;
    readLater: number;
  };
}

function eventKey(event: ListeningEvent): string {
  return `${event.episodeId}\u0000${event.kind}\u0000${event.at}`;
}

/**
 * Merge: per episode, the state changed last wins; events are added once (same episode, kind
 * and time is the same event); cached episodes are added where missing. Replace: the file's
 * data, and nothing else.
 */
export function planImport(stored: StoredData, file: ExportFile, mode: ImportMode, cards: EpisodeCard[] = []): ImportPlan {
  const storedStates = new Map(stored.listening.map((state) => [state.episodeId, state]));
  if (mode === 'replace') {
    const incoming = new Set(file.listening.map((state) => state.episodeId));
    return {
      mode,
      settings: file.settings ?? null,
      episodes: file.episodes,
      listening: file.listening,
      events: file.events,
      cards,
      readLater: file.readLater,
      opened: file.opened,
      positions: file.positions,
      listenedTime: file.listenedTime,
      queue: file.queue,
      counts: {
        newStates: file.listening.filter((state) => !storedStates.has(state.episodeId)).length,
        changedStates: file.listening.filter((state) => storedStates.has(state.episodeId)).length,
        newEvents: file.events.length,
        newEpisodes: file.episodes.length,
        removedStates: stored.listening.filter((state) => !incoming.has(state.episodeId)).length,
        readLater: file.readLater.length,
      },
    };
  }
  // The reading list and the positions merge as the states do: the one changed last wins.
  const readLater = preferred(stored.readLater, file.readLater, (link) => link.url, newer);
  const positions = preferred(stored.positions, file.positions, (position) => position.episodeId, newer);
  const listenedTime = preferred(stored.listenedTime, file.listenedTime, (time) => time.month, larger);
  // This device's queue stays as it is; the file's episodes not in it follow.
  const queued = new Set(stored.queue.map((item) => item.episodeId));
  const queue = [...stored.queue, ...file.queue.filter((item) => !queued.has(item.episodeId))];
  const knownOpened = new Set(stored.opened.map((link) => `${link.episodeId}\u0000${link.url}`));
  const opened = file.opened.filter((link) => !knownOpened.has(`${link.episodeId}\u0000${link.url}`));
  const listening = preferred(stored.listening, file.listening, (state) => state.episodeId, newer);
  const knownEvents = new Set(stored.events.map(eventKey));
  const events = file.events.filter((event) => {
    const key = eventKey(event);
    if (knownEvents.has(key)) return false;
    knownEvents.add(key);
    return true;
  });
  const knownEpisodes = new Set(stored.episodes.map((entry) => entry.url));
  const episodes = file.episodes.filter((entry) => !knownEpisodes.has(entry.url));
  return {
    mode,
    settings: null,
    episodes,
    listening,
    events,
    cards: cards.filter((card) => listening.some((state) => state.episodeId === card.id)),
    readLater,
    opened,
    positions,
    listenedTime,
    queue,
    counts: {
      newStates: listening.filter((state) => !storedStates.has(state.episodeId)).length,
      changedStates: listening.filter((state) => storedStates.has(state.episodeId)).length,
      newEvents: events.length,
      newEpisodes: episodes.length,
      removedStates: 0,
      readLater: readLater.length,
    },
  };
}
