/**
 * The export file (`lcc-companion-export-YYYY-MM-DD.json`): everything the listener has, with a
 * format version, and the checks an import file must pass before anything stored is touched.
 * Pure: the options page reads the file, this module says whether and how it can be applied.
 */
import type { Episode } from '../episode/model';
import { isHttpUrl, isPostPageUrl } from '../episode/urls';
import { DEFAULT_SETTINGS, type CachedEpisode, type ListeningEvent, type ListeningEventKind, type ListeningState, type Settings } from './schema';

export const EXPORT_FORMAT = 'lcc-companion-export';
export const EXPORT_VERSION = 1;
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  version: number;
  exportedAt: string;
  episodes: CachedEpisode[];
  listening: ListeningState[];
  events: ListeningEvent[];
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

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const EVENT_KINDS = new Set<ListeningEventKind>(['listened', 'unlistened', 'bookmarked', 'unbookmarked', 'note-edited']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isTimestamp(value: unknown): value is string {
  return typeof value === 'string' && !Number.isNaN(Date.parse(value));
}

function isDay(value: unknown): value is string {
  return typeof value === 'string' && DAY.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}

function fail(problem: ImportProblem, where: string): never {
  throw new ImportRefused(problem, where);
}

function checkDate(ok: boolean, where: string): void {
  if (!ok) fail('bad-date', where);
}

function checkState(value: unknown, where: string): ListeningState {
  if (!isRecord(value) || typeof value['episodeId'] !== 'string' || typeof value['note'] !== 'string') fail('wrong-shape', where);
  const rating = value['rating'];
  if (rating !== null && !(typeof rating === 'number' && Number.isInteger(rating) && rating >= 1 && rating <= 5)) fail('wrong-shape', `${where}.rating`);
  checkDate(value['listenedOn'] === null || isDay(value['listenedOn']), `${where}.listenedOn`);
  checkDate(value['bookmarkedAt'] === null || isTimestamp(value['bookmarkedAt']), `${where}.bookmarkedAt`);
  checkDate(isTimestamp(value['updatedAt']), `${where}.updatedAt`);
  const { episodeId, listenedOn, bookmarkedAt, note, updatedAt } = value as unknown as ListeningState;
  return { episodeId, listenedOn, bookmarkedAt, note, rating: rating as number | null, updatedAt };
}

function checkEvent(value: unknown, where: string): ListeningEvent {
  if (!isRecord(value) || typeof value['episodeId'] !== 'string' || !EVENT_KINDS.has(value['kind'] as ListeningEventKind)) {
    fail('wrong-shape', where);
  }
  checkDate(isTimestamp(value['at']), `${where}.at`);
  if (value['listenedOn'] !== undefined) checkDate(isDay(value['listenedOn']), `${where}.listenedOn`);
  const event: ListeningEvent = { episodeId: value['episodeId'] as string, kind: value['kind'] as ListeningEventKind, at: value['at'] as string };
  if (typeof value['listenedOn'] === 'string') event.listenedOn = value['listenedOn'];
  return event;
}

function checkEpisode(value: unknown, where: string): CachedEpisode {
  if (!isRecord(value) || typeof value['url'] !== 'string' || !isRecord(value['episode'])) fail('wrong-shape', where);
  const episode = value['episode'] as Partial<Episode>;
  if (typeof episode.id !== 'string' || typeof episode.title !== 'string' || !Array.isArray(episode.links) || !Array.isArray(episode.outline)) {
    fail('wrong-shape', `${where}.episode`);
  }
  // Every address of a restored episode ends up in a link: only the site's pages and http(s).
  if (!isPostPageUrl(value['url']) || episode.url !== value['url']) fail('wrong-shape', `${where}.url`);
  episode.links.forEach((link: unknown, index) => {
    if (!isRecord(link) || typeof link['url'] !== 'string' || !isHttpUrl(link['url'])) fail('wrong-shape', `${where}.episode.links[${index}]`);
  });
  for (const media of [episode.audio?.url, episode.video]) {
    if (media !== undefined && media !== null && !(typeof media === 'string' && isHttpUrl(media))) fail('wrong-shape', `${where}.episode`);
  }
  checkDate(isDay(episode.publishedOn), `${where}.episode.publishedOn`);
  const source = value['source'] === 'page' ? 'page' : 'markdown';
  const etag = typeof value['etag'] === 'string' ? value['etag'] : null;
  // A restored copy is checked against its source again on the next visit.
  return { url: value['url'], episode: episode as Episode, source, etag, checkedAt: 0 };
}

const SETTING_VALUES: { [K in keyof Settings]: readonly Settings[K][] } = {
  language: ['auto', 'fr', 'en'],
  theme: ['auto', 'light', 'dark'],
  openLinksIn: ['foreground', 'background'],
};

function checkSettings(value: unknown): Settings {
  if (!isRecord(value)) fail('wrong-shape', 'settings');
  const settings = { ...DEFAULT_SETTINGS };
  for (const key of Object.keys(SETTING_VALUES) as (keyof Settings)[]) {
    if (value[key] === undefined) continue;
    if (!(SETTING_VALUES[key] as readonly unknown[]).includes(value[key])) fail('wrong-shape', `settings.${key}`);
    (settings as Record<string, unknown>)[key] = value[key];
  }
  return settings;
}

function checkList<T>(value: unknown, name: string, check: (item: unknown, where: string) => T): T[] {
  if (!Array.isArray(value)) fail('wrong-shape', name);
  return value.map((item, index) => check(item, `${name}[${index}]`));
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
  if (!isRecord(data) || data['format'] !== EXPORT_FORMAT || typeof data['version'] !== 'number') fail('wrong-shape', 'format');
  if (data['version'] > EXPORT_VERSION) fail('newer-version', String(data['version']));
  if (!Number.isInteger(data['version']) || data['version'] < 1) fail('wrong-shape', 'version');
  checkDate(isTimestamp(data['exportedAt']), 'exportedAt');
  return {
    format: EXPORT_FORMAT,
    version: data['version'],
    exportedAt: data['exportedAt'] as string,
    episodes: checkList(data['episodes'], 'episodes', checkEpisode),
    listening: checkList(data['listening'], 'listening', checkState),
    events: checkList(data['events'], 'events', checkEvent),
    ...(data['settings'] === undefined ? {} : { settings: checkSettings(data['settings']) }),
  };
}

/** What is stored now, as an export file holds it. */
export interface StoredData {
  episodes: CachedEpisode[];
  listening: ListeningState[];
  events: ListeningEvent[];
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
  counts: { newStates: number; changedStates: number; newEvents: number; newEpisodes: number; removedStates: number };
}

function eventKey(event: ListeningEvent): string {
  return `${event.episodeId}\u0000${event.kind}\u0000${event.at}`;
}

/**
 * Merge: per episode, the state changed last wins; events are added once (same episode, kind
 * and time is the same event); cached episodes are added where missing. Replace: the file's
 * data, and nothing else.
 */
export function planImport(stored: StoredData, file: ExportFile, mode: ImportMode): ImportPlan {
  const storedStates = new Map(stored.listening.map((state) => [state.episodeId, state]));
  if (mode === 'replace') {
    const incoming = new Set(file.listening.map((state) => state.episodeId));
    return {
      mode,
      settings: file.settings ?? null,
      episodes: file.episodes,
      listening: file.listening,
      events: file.events,
      counts: {
        newStates: file.listening.filter((state) => !storedStates.has(state.episodeId)).length,
        changedStates: file.listening.filter((state) => storedStates.has(state.episodeId)).length,
        newEvents: file.events.length,
        newEpisodes: file.episodes.length,
        removedStates: stored.listening.filter((state) => !incoming.has(state.episodeId)).length,
      },
    };
  }
  const listening = file.listening.filter((state) => {
    const current = storedStates.get(state.episodeId);
    return !current || Date.parse(state.updatedAt) > Date.parse(current.updatedAt);
  });
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
    counts: {
      newStates: listening.filter((state) => !storedStates.has(state.episodeId)).length,
      changedStates: listening.filter((state) => storedStates.has(state.episodeId)).length,
      newEvents: events.length,
      newEpisodes: episodes.length,
      removedStates: 0,
    },
  };
}
