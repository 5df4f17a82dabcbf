/**
 * The listening state in the compact form `storage.sync` holds, under its quotas (100 KB in all,
 * 8 KB an item, 512 items): one line per episode, each field with the time it last changed,
 * numbers in base 36 from 2009 (the show's first year), lines packed into items of at most 7 KB;
 * the player's positions the same way, a line per episode; notes in items of their own, added
 * while they fit, the others named as not synced. A listener of every episode, with a position in
 * each, fits in half of it. What version 1 wrote (one time for a whole state) is still read.
 */
import { episodeId } from '../episode/model';
import { isCalendarDay, isIsoTimestamp, isoDay } from '../text/dates';
import { DAY_UNKNOWN, type ListeningState, type PlaybackPosition } from '../records';
import type { ChangeTimes } from '../log/changeTimes';

export const SYNC_FORMAT = 2;
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

/** An episode's number, or `~` and its slug. */
const ID = '(\\d{1,6}|~[a-z0-9@()-]{1,200})';
/** One line as `positionLine` writes it: the episode, whole seconds, its length (or none), the change time. */
const POSITION_LINE = new RegExp(`^${ID}\\|([0-9a-z]{1,6})\\|([0-9a-z]{1,6})?\\|([0-9a-z]{1,10})$`);

/** One line as `stateLine` writes it: the episode, and each field with the time it changed (see `stateLine`). */
const TIME = '([0-9a-z]{1,9})?';
const STATE_LINE = new RegExp(
  `^${ID}\\|([0-9a-z]{1,5}|\\?)?\\|${TIME}\\|${TIME}\\|${TIME}\\|([1-5])?\\|${TIME}\\|(?:([0-9a-z]{1,9})([+*]?))?$`,
);
/** One line as version 1 wrote it: the fields, then one change time for them all, from 2009. */
const STATE_LINE_V1 = new RegExp(`^${ID}\\|([0-9a-z]{1,5}|\\?)?\\|([0-9a-z]{1,10})?\\|([1-5])?\\|([0-9a-z]{1,10})$`);

// A day unknown is `?`: no day number is.
const encodeDay = (day: string) => (day === DAY_UNKNOWN ? '?' : ((Date.parse(`${day}T00:00:00Z`) - EPOCH) / DAY_MS).toString(36));
const decodeDay = (text: string) => {
  if (text === '?') return DAY_UNKNOWN;
  const date = new Date(EPOCH + Number.parseInt(text, 36) * DAY_MS);
  return isoDay(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
};
/** A time, ms since 1970 in base 36; none (never changed) is empty. */
const encodeTime = (ms: number) => (ms > 0 ? ms.toString(36) : '');
/** Version 1's times, ms since 2009. */
const decodeTimeV1 = (text: string) => new Date(EPOCH + Number.parseInt(text, 36)).toISOString();

/** A state as sync carries it: each field with the time it changed; `note` undefined where its text is not in sync. */
export interface SyncedState {
  episodeId: string;
  listenedOn: ListeningState['listenedOn'];
  bookmarkedAt: string | null;
  rating: number | null;
  note: string | undefined;
  changedAt: ChangeTimes;
}

/**
 * `id|day|day's time|bookmark|its time|rating|its time|note's time and mark`: the note's mark
 * says where its text is: `+` in the item `n<id>` (which starts with the same time, so that a
 * text and a time written by two devices are never taken together), `*` not in sync (it did not
 * fit), none when the note is empty.
 */
function stateLine(state: SyncedState, noteSynced: boolean): string {
  const noteMark = state.note === '' ? '' : noteSynced ? '+' : '*';
  return [
    compactId(state.episodeId),
    state.listenedOn ? encodeDay(state.listenedOn) : '',
    encodeTime(state.changedAt.listenedOn),
    state.bookmarkedAt ? encodeTime(Date.parse(state.bookmarkedAt)) : '',
    encodeTime(state.changedAt.bookmarkedAt),
    state.rating ?? '',
    encodeTime(state.changedAt.rating),
    state.changedAt.note > 0 ? `${encodeTime(state.changedAt.note)}${noteMark}` : '',
  ].join('|');
}

function positionLine(position: SyncedPosition): string {
  return [
    compactId(position.episodeId),
    Math.round(position.seconds).toString(36),
    position.duration === null ? '' : Math.round(position.duration).toString(36),
    encodeTime(Date.parse(position.updatedAt)),
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

const totalBytes = (items: SyncItems) => Object.entries(items).reduce((sum, [key, value]) => sum + itemBytes(key, value), 0);
const byId = <T extends { episodeId: string }>(records: T[]) => [...records].sort((a, b) => a.episodeId.localeCompare(b.episodeId));

/**
 * The states, and the positions the player wrote (those an app reported reach each browser
 * through the app's own sync). Positions are bounded by the episodes (a line each, some 20
 * bytes): they come before the notes, which take what room is left, the ones changed last first.
 */
export function encodeForSync(states: SyncedState[], positions: SyncedPosition[] = []): Encoded {
  const sorted = byId(states);
  const withLines = (synced: ReadonlySet<string>) => {
    const items: SyncItems = { v: SYNC_FORMAT };
    packLines(
      items,
      's',
      sorted.map((state) => stateLine(state, synced.has(state.episodeId))),
    );
    packLines(items, 'p', byId(positions).map(positionLine));
    return items;
  };
  // `+` and `*` take the same room: the lines' size does not depend on which notes fit.
  let bytes = totalBytes(withLines(new Set()));
  const notes = new Map<string, string>();
  const notesLeftOut: string[] = [];
  const lineItems = Object.keys(withLines(new Set())).length;
  for (const state of states.filter((each) => Boolean(each.note)).sort((a, b) => b.changedAt.note - a.changedAt.note)) {
    const key = `n${compactId(state.episodeId)}`;
    const value = `${encodeTime(state.changedAt.note)}\n${state.note}`;
    const size = itemBytes(key, value);
    if (size > ITEM_BYTES || bytes + size > SYNC_BUDGET_BYTES || lineItems + notes.size >= MAX_ITEMS) {
      notesLeftOut.push(state.episodeId);
      continue;
    }
    notes.set(key, value);
    bytes += size;
  }
  const items = withLines(new Set(states.filter((state) => notes.has(`n${compactId(state.episodeId)}`)).map((state) => state.episodeId)));
  for (const [key, value] of notes) items[key] = value;
  return { items, notesLeftOut, bytes };
}

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

const validDay = (day: ListeningState['listenedOn']) => day === null || day === DAY_UNKNOWN || isCalendarDay(day);

/**
 * What `storage.sync` holds. A line that cannot be read is left out and counted; a note whose
 * text is not there leaves `note` undefined, so that the one kept here stays; a change stamped
 * more than a day after `now` (a clock set ahead) counts as made `now`.
 */
export function decodeFromSync(items: SyncItems, now: number): Decoded {
  const version = items['v'];
  if (typeof version === 'number' && version > SYNC_FORMAT) return { states: [], positions: [], unreadable: 0, newerFormat: true };
  if (version !== SYNC_FORMAT && version !== 1) return { states: [], positions: [], unreadable: 0, newerFormat: false };
  const notLater = (ms: number) => (ms > now + MAX_CLOCK_AHEAD_MS ? now : ms);
  const timeOf = (text: string | undefined) => (text ? notLater(Number.parseInt(text, 36)) : 0);
  const states: SyncedState[] = [];
  const positions: SyncedPosition[] = [];
  let unreadable = 0;
  const linesOf = (value: string | number) => (typeof value === 'string' ? value.split('\n') : [String(value)]);
  const stateOf =
    version === 1
      ? (line: string) => stateOfV1(line, items, notLater)
      : (line: string) => {
          const match = STATE_LINE.exec(line);
          if (!match) return null;
          const noteTime = timeOf(match[8]);
          const noteItem = items[`n${match[1]}`];
          const noteText =
            match[9] === '+' && typeof noteItem === 'string' && noteItem.startsWith(`${match[8]}\n`)
              ? noteItem.slice(match[8]!.length + 1)
              : undefined;
          return {
            episodeId: fullId(match[1]!),
            listenedOn: match[2] ? decodeDay(match[2]) : null,
            bookmarkedAt: match[4] ? new Date(notLater(Number.parseInt(match[4], 36))).toISOString() : null,
            rating: match[6] ? Number(match[6]) : null,
            note: noteTime === 0 || match[9] === '' ? '' : noteText,
            changedAt: { listenedOn: timeOf(match[3]), bookmarkedAt: timeOf(match[5]), rating: timeOf(match[7]), note: noteTime },
          };
        };
  for (const [key, value] of Object.entries(items)) {
    if (/^p\d+$/.test(key))
      for (const line of linesOf(value)) {
        const match = POSITION_LINE.exec(line);
        const updatedAt =
          match && new Date(notLater(version === 1 ? Date.parse(decodeTimeV1(match[4]!)) : Number.parseInt(match[4]!, 36))).toISOString();
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
      const state = stateOf(line);
      if (
        state &&
        validDay(state.listenedOn) &&
        Object.values(state.changedAt).every(Number.isFinite) &&
        (state.bookmarkedAt === null || isIsoTimestamp(state.bookmarkedAt))
      )
        states.push(state);
      else unreadable += 1;
    }
  }
  return { states, positions, unreadable, newerFormat: false };
}

/** A line of version 1: each of its fields as changed at its one time; its note (plain text) is in `n<id>` when it fit. */
function stateOfV1(line: string, items: SyncItems, notLater: (ms: number) => number): SyncedState | null {
  const match = STATE_LINE_V1.exec(line);
  if (!match) return null;
  const at = notLater(Date.parse(decodeTimeV1(match[5]!)));
  const note = items[`n${match[1]}`];
  return {
    episodeId: fullId(match[1]!),
    listenedOn: match[2] ? decodeDay(match[2]) : null,
    bookmarkedAt: match[3] ? new Date(notLater(Date.parse(decodeTimeV1(match[3])))).toISOString() : null,
    rating: match[4] ? Number(match[4]) : null,
    note: typeof note === 'string' ? note : undefined,
    changedAt: { listenedOn: at, bookmarkedAt: at, rating: at, note: at },
  };
}
