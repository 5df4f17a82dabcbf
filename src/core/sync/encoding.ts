/**
 * The listening state in the compact form `storage.sync` holds, under its quotas (100 KB in all,
 * 8 KB an item, 512 items): one line per episode, numbers in base 36 from 2009 (the show's first
 * year), lines packed into items of at most 7 KB; the player's positions the same way, a line per
 * episode; notes in items of their own, added while they fit, the others named as not synced. A
 * listener of every episode, with a position in each, fits in half of it.
 */
import { episodeId } from '../episode/model';
import { isCalendarDay, isIsoTimestamp, isoDay } from '../text/dates';
import { DAY_UNKNOWN, type ListeningState, type PlaybackPosition } from '../records';

export const SYNC_FORMAT = 1;
/** What the encoding may use of the 102,400 bytes, leaving room for the other keys. */
export const SYNC_BUDGET_BYTES = 95_000;
const ITEM_BYTES = 7_000;
/** `storage.sync` holds 512 items; a few are left for what a later version may add. */
const MAX_ITEMS = 500;
/** A change stamped later than this ahead of now (another device's clock) counts as made now. */
const MAX_CLOCK_AHEAD_MS = 86_400_000;
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

/** One line as `positionLine` writes it: the episode, whole seconds, its length (or none), the change time. */
const POSITION_LINE = /^(\d{1,6}|~[a-z0-9@()-]{1,200})\|([0-9a-z]{1,6})\|([0-9a-z]{1,6})?\|([0-9a-z]{1,10})$/;

/** One line as `stateLine` writes it: an episode number or `~slug`, then base-36 fields. */
const STATE_LINE = /^(\d{1,6}|~[a-z0-9@()-]{1,200})\|([0-9a-z]{1,5}|\?)?\|([0-9a-z]{1,10})?\|([1-5])?\|([0-9a-z]{1,10})$/;

// A day unknown is `?`: no day number is.
const encodeDay = (day: string) => (day === DAY_UNKNOWN ? '?' : ((Date.parse(`${day}T00:00:00Z`) - EPOCH) / DAY_MS).toString(36));
const decodeDay = (text: string) => {
  if (text === '?') return DAY_UNKNOWN;
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

function positionLine(position: SyncedPosition): string {
  return [
    compactId(position.episodeId),
    Math.round(position.seconds).toString(36),
    position.duration === null ? '' : Math.round(position.duration).toString(36),
    encodeTime(position.updatedAt),
  ].join('|');
}

/** The size `storage.sync` counts for an item: its key and its value as JSON. */
export function itemBytes(key: string, value: string | number): number {
  return new TextEncoder().encode(key + JSON.stringify(value)).length;
}

/** Lines packed into items `prefix0`, `prefix1`… of at most ITEM_BYTES each. */
function packLines(items: SyncItems, prefix: string, lines: string[]): void {
  let chunk: string[] = [];
  let chunks = 0;
  const flush = () => {
    if (chunk.length > 0) items[`${prefix}${chunks++}`] = chunk.join('\n');
    chunk = [];
  };
  for (const line of lines) {
    if ([...chunk, line].join('\n').length > ITEM_BYTES) flush();
    chunk.push(line);
  }
  flush();
}

/**
 * The states, and the positions the player wrote here (`positions`; those an app reported reach
 * each browser through the app's own sync). Positions are bounded by the episodes (a line each,
 * some 20 bytes): they come before the notes, which take what room is left.
 */
export function encodeForSync(states: ListeningState[], positions: SyncedPosition[] = []): Encoded {
  const items: SyncItems = { v: SYNC_FORMAT };
  packLines(items, 's', [...states].sort((a, b) => a.episodeId.localeCompare(b.episodeId)).map(stateLine));
  packLines(items, 'p', [...positions].sort((a, b) => a.episodeId.localeCompare(b.episodeId)).map(positionLine));
  let bytes = Object.entries(items).reduce((sum, [key, value]) => sum + itemBytes(key, value), 0);
  const notesLeftOut: string[] = [];
  for (const state of states.filter((each) => each.note !== '').sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))) {
    const key = `n${compactId(state.episodeId)}`;
    const size = itemBytes(key, state.note);
    if (size > ITEM_BYTES || bytes + size > SYNC_BUDGET_BYTES || Object.keys(items).length >= MAX_ITEMS) {
      notesLeftOut.push(state.episodeId);
      continue;
    }
    items[key] = state.note;
    bytes += size;
  }
  return { items, notesLeftOut, bytes };
}

export type SyncedState = Omit<ListeningState, 'note'> & { note: string | undefined };

/** A position as sync carries it: the page it is on is the episode's, known on each side. */
export type SyncedPosition = Pick<PlaybackPosition, 'episodeId' | 'seconds' | 'duration' | 'updatedAt'>;

/** What `storage.sync` holds, read: the states and positions, the lines that could not be read, a newer format. */
export interface Decoded {
  states: SyncedState[];
  positions: SyncedPosition[];
  /** Lines no version of this encoding writes (a bug, damage): left out and counted, never fatal. */
  unreadable: number;
  /** Written by a newer version of the extension: this one neither reads nor overwrites it. */
  newerFormat: boolean;
}

/**
 * The states `storage.sync` holds. A line that cannot be read is left out and counted; a note
 * absent (it did not fit on the other side) leaves `note` undefined, so that the one kept here
 * stays; a change stamped more than a day after `now` (a clock set ahead) counts as made `now`.
 */
export function decodeFromSync(items: SyncItems, now: number): Decoded {
  const version = items['v'];
  if (typeof version === 'number' && version > SYNC_FORMAT) return { states: [], positions: [], unreadable: 0, newerFormat: true };
  if (version !== SYNC_FORMAT) return { states: [], positions: [], unreadable: 0, newerFormat: false };
  const notLater = (timestamp: string) => (Date.parse(timestamp) > now + MAX_CLOCK_AHEAD_MS ? new Date(now).toISOString() : timestamp);
  const states: SyncedState[] = [];
  const positions: SyncedPosition[] = [];
  let unreadable = 0;
  const linesOf = (value: string | number) => (typeof value === 'string' ? value.split('\n') : [String(value)]);
  for (const [key, value] of Object.entries(items)) {
    if (/^p\d+$/.test(key))
      for (const line of linesOf(value)) {
        const match = POSITION_LINE.exec(line);
        const updatedAt = match && notLater(decodeTime(match[4]!));
        if (match && isIsoTimestamp(updatedAt))
          positions.push({
            episodeId: fullId(match[1]!),
            seconds: Number.parseInt(match[2]!, 36),
            duration: match[3] ? Number.parseInt(match[3], 36) : null,
            updatedAt,
          });
        else unreadable += 1;
      }
    if (!/^s\d+$/.test(key)) continue;
    for (const line of linesOf(value)) {
      const match = STATE_LINE.exec(line);
      const state = match && {
        episodeId: fullId(match[1]!),
        listenedOn: match[2] ? decodeDay(match[2]) : null,
        bookmarkedAt: match[3] ? notLater(decodeTime(match[3])) : null,
        rating: match[4] ? Number(match[4]) : null,
        updatedAt: notLater(decodeTime(match[5]!)),
        note: typeof items[`n${match[1]}`] === 'string' ? (items[`n${match[1]}`] as string) : undefined,
      };
      if (
        state &&
        (state.listenedOn === null || state.listenedOn === DAY_UNKNOWN || isCalendarDay(state.listenedOn)) &&
        isIsoTimestamp(state.updatedAt)
      )
        states.push(state);
      else unreadable += 1;
    }
  }
  return { states, positions, unreadable, newerFormat: false };
}

/**
 * The remote states to take here: those changed after the one kept here (the import's rule:
 * the state changed last wins, per episode). Both browsers applying it end in the same state.
 */
export function newerRemoteStates(local: ListeningState[], remote: SyncedState[]): ListeningState[] {
  const kept = new Map(local.map((state) => [state.episodeId, state]));
  return remote.flatMap((state) => {
    const current = kept.get(state.episodeId);
    if (current && Date.parse(current.updatedAt) >= Date.parse(state.updatedAt)) return [];
    return [{ ...state, note: state.note ?? current?.note ?? '' }];
  });
}

/** The remote positions set after the one kept here, per episode: the one set last wins, as for states. */
export function newerRemotePositions(local: SyncedPosition[], remote: SyncedPosition[]): SyncedPosition[] {
  const kept = new Map(local.map((position) => [position.episodeId, position]));
  return remote.filter((position) => {
    const current = kept.get(position.episodeId);
    return !current || Date.parse(position.updatedAt) > Date.parse(current.updatedAt);
  });
}
