/**
 * The listening state in the compact form `storage.sync` holds, under its quotas (100 KB in all,
 * 8 KB an item, 512 items): one line per episode, numbers in base 36 from 2009 (the show's first
 * year), lines packed into items of at most 7 KB; notes in items of their own, added while they
 * fit, the others named as not synced. A listener of every episode fits in a fraction of it.
 */
import { episodeId } from '../episode/model';
import { isCalendarDay, isIsoTimestamp, isoDay } from '../text/dates';
import type { ListeningState } from '../records';

export const SYNC_FORMAT = 1;
/** What the encoding may use of the 102,400 bytes, leaving room for the other keys. */
export const SYNC_BUDGET_BYTES = 95_000;
const ITEM_BYTES = 7_000;
const EPOCH = Date.UTC(2009, 0, 1);
const DAY_MS = 86_400_000;

export type SyncItems = Record<string, string | number>;

export interface Encoded {
  items: SyncItems;
  /** The episodes whose note did not fit. */
  notesLeftOut: string[];
  bytes: number;
}

const compactId = (id: string) => (/^lcc-\d+$/.test(id) ? id.slice(4) : `~${id}`);
const fullId = (compact: string) => (compact.startsWith('~') ? compact.slice(1) : episodeId(Number(compact), ''));

const encodeDay = (day: string) => ((Date.parse(`${day}T00:00:00Z`) - EPOCH) / DAY_MS).toString(36);
const decodeDay = (text: string) => {
  const date = new Date(EPOCH + Number.parseInt(text, 36) * DAY_MS);
  return isoDay(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
};
const encodeTime = (timestamp: string) => (Date.parse(timestamp) - EPOCH).toString(36);
const decodeTime = (text: string) => new Date(EPOCH + Number.parseInt(text, 36)).toISOString();

function stateLine(state: ListeningState): string {
  return [
    compactId(state.episodeId),
    state.listenedOn ? encodeDay(state.listenedOn) : '',
    state.bookmarkedAt ? encodeTime(state.bookmarkedAt) : '',
    state.rating ?? '',
    encodeTime(state.updatedAt),
  ].join('|');
}

/** The size `storage.sync` counts for an item: its key and its value as JSON. */
export function itemBytes(key: string, value: string | number): number {
  return new TextEncoder().encode(key + JSON.stringify(value)).length;
}

export function encodeForSync(states: ListeningState[]): Encoded {
  const items: SyncItems = { v: SYNC_FORMAT };
  const lines = [...states].sort((a, b) => a.episodeId.localeCompare(b.episodeId)).map(stateLine);
  let chunk: string[] = [];
  let chunks = 0;
  const flush = () => {
    if (chunk.length > 0) items[`s${chunks++}`] = chunk.join('\n');
    chunk = [];
  };
  for (const line of lines) {
    if ([...chunk, line].join('\n').length > ITEM_BYTES) flush();
    chunk.push(line);
  }
  flush();
  let bytes = Object.entries(items).reduce((sum, [key, value]) => sum + itemBytes(key, value), 0);
  const notesLeftOut: string[] = [];
  for (const state of states.filter((each) => each.note !== '').sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))) {
    const key = `n${compactId(state.episodeId)}`;
    const size = itemBytes(key, state.note);
    if (size > ITEM_BYTES || bytes + size > SYNC_BUDGET_BYTES) {
      notesLeftOut.push(state.episodeId);
      continue;
    }
    items[key] = state.note;
    bytes += size;
  }
  return { items, notesLeftOut, bytes };
}

/**
 * The states `storage.sync` holds. A line that cannot be read is left out; a note absent (it did
 * not fit on the other side) leaves `note` undefined, so that the one kept here stays.
 */
export function decodeFromSync(items: SyncItems): (Omit<ListeningState, 'note'> & { note: string | undefined })[] {
  if (items['v'] !== SYNC_FORMAT) return [];
  const states = [];
  for (const [key, value] of Object.entries(items)) {
    if (!/^s\d+$/.test(key) || typeof value !== 'string') continue;
    for (const line of value.split('\n')) {
      const [id, listened, bookmarked, rating, updated] = line.split('|');
      if (!id || updated === undefined) continue;
      const state = {
        episodeId: fullId(id),
        listenedOn: listened ? decodeDay(listened) : null,
        bookmarkedAt: bookmarked ? decodeTime(bookmarked) : null,
        rating: rating ? Number(rating) : null,
        updatedAt: decodeTime(updated),
        note: typeof items[`n${id}`] === 'string' ? (items[`n${id}`] as string) : undefined,
      };
      const valid =
        (state.listenedOn === null || isCalendarDay(state.listenedOn)) &&
        (state.bookmarkedAt === null || isIsoTimestamp(state.bookmarkedAt)) &&
        (state.rating === null || (Number.isInteger(state.rating) && state.rating >= 1 && state.rating <= 5)) &&
        isIsoTimestamp(state.updatedAt);
      if (valid) states.push(state);
    }
  }
  return states;
}

/**
 * The remote states to take here: those changed after the one kept here (the import's rule:
 * the state changed last wins, per episode). Both browsers applying it end in the same state.
 */
export function newerRemoteStates(local: ListeningState[], remote: ReturnType<typeof decodeFromSync>): ListeningState[] {
  const kept = new Map(local.map((state) => [state.episodeId, state]));
  return remote.flatMap((state) => {
    const current = kept.get(state.episodeId);
    if (current && Date.parse(current.updatedAt) >= Date.parse(state.updatedAt)) return [];
    return [{ ...state, note: state.note ?? current?.note ?? '' }];
  });
}
