/**
 * What one browser does at each sync: it joins what `storage.sync` holds with what it keeps, each
 * field to the value changed last (ties, which only the same millisecond makes, to the greater
 * value, so that every browser picks the same), takes what the join gives it, and writes the join
 * back where it differs from what is there. The join of two copies does not depend on their order
 * nor on how often it is made, so browsers that write over each other's items (`storage.sync`
 * keeps the last write of each) still end holding the same log: the one whose change was
 * overwritten sees it missing at the next change event and writes it again.
 */
import { changedAtOf, changeTimesOf, STATE_FIELDS, type StateField } from '../log/changeTimes';
import { emptyState, type ListeningState } from '../records';
import { decodeFromSync, encodeForSync, type SyncedPosition, type SyncedState, type SyncItems } from './encoding';

export function toSynced(state: ListeningState): SyncedState {
  const { episodeId, listenedOn, bookmarkedAt, rating, note } = state;
  return { episodeId, listenedOn, bookmarkedAt, rating, note, changedAt: changeTimesOf(state) };
}

/** A total order of a field's values: an unknown note comes first, so that a known one wins a tie. */
const valueKey = (value: unknown) => (value === undefined ? '' : `=${JSON.stringify(value)}`);

function laterOf<F extends StateField>(a: SyncedState, b: SyncedState, field: F): SyncedState {
  if (a.changedAt[field] !== b.changedAt[field]) return a.changedAt[field] > b.changedAt[field] ? a : b;
  return valueKey(b[field]) > valueKey(a[field]) ? b : a;
}

/** Each field of one episode's two copies, from the one that changed it last. */
export function joinStates(a: SyncedState, b: SyncedState): SyncedState {
  const joined: SyncedState = { ...a, changedAt: { ...a.changedAt } };
  for (const field of STATE_FIELDS) {
    const from = laterOf(a, b, field);
    (joined as unknown as Record<StateField, unknown>)[field] = from[field];
    joined.changedAt[field] = from.changedAt[field];
  }
  return joined;
}

/** The position set last; at the same millisecond, the further one. */
export function joinPositions(a: SyncedPosition, b: SyncedPosition): SyncedPosition {
  const [timeA, timeB] = [Date.parse(a.updatedAt), Date.parse(b.updatedAt)];
  if (timeA !== timeB) return timeA > timeB ? a : b;
  return b.seconds > a.seconds || (b.seconds === a.seconds && (b.duration ?? -1) > (a.duration ?? -1)) ? b : a;
}

/**
 * `current` with what `incoming` changed after it, or null where it changed nothing. A note whose
 * text did not come keeps the one here, with its time.
 */
export function takeJoined(current: ListeningState, incoming: SyncedState): ListeningState | null {
  const here = toSynced(current);
  const joined = joinStates(here, incoming);
  const times = { ...joined.changedAt, note: joined.note === undefined ? here.changedAt.note : joined.changedAt.note };
  const note = joined.note ?? current.note;
  const changed = STATE_FIELDS.some((field) => times[field] !== here.changedAt[field]) || note !== current.note;
  if (!changed) return null;
  const last = Math.max(Date.parse(current.updatedAt), ...Object.values(times));
  return {
    episodeId: current.episodeId,
    listenedOn: joined.listenedOn,
    bookmarkedAt: joined.bookmarkedAt,
    note,
    rating: joined.rating,
    updatedAt: new Date(last).toISOString(),
    changedAt: changedAtOf(times),
  };
}

function joinAll<T extends { episodeId: string }>(records: T[], join: (a: T, b: T) => T): Map<string, T> {
  const joined = new Map<string, T>();
  for (const record of records) {
    const kept = joined.get(record.episodeId);
    joined.set(record.episodeId, kept ? join(kept, record) : record);
  }
  return joined;
}

export interface SyncPlan {
  /** Written by a newer version: nothing to take or write. */
  newerFormat: boolean;
  unreadable: number;
  /** The states whose fields another browser changed later, to join with the ones kept here. */
  takeStates: SyncedState[];
  /** The positions another browser set later. */
  takePositions: SyncedPosition[];
  /** The items to write (those whose value changes) and to remove. */
  set: SyncItems;
  remove: string[];
  notesLeftOut: string[];
}

/** The sync of `local` (states, and the player's own positions) with the `items` `storage.sync` holds. */
export function planSync(local: ListeningState[], localPositions: SyncedPosition[], items: SyncItems, now: number): SyncPlan {
  const remote = decodeFromSync(items, now);
  if (remote.newerFormat)
    return { newerFormat: true, unreadable: 0, takeStates: [], takePositions: [], set: {}, remove: [], notesLeftOut: [] };
  const kept = new Map(local.map((state) => [state.episodeId, state]));
  const remoteStates = joinAll(remote.states, joinStates);
  const takeStates = [...remoteStates.values()].filter((state) =>
    takeJoined(kept.get(state.episodeId) ?? emptyState(state.episodeId), state),
  );
  const states = joinAll([...local.map(toSynced), ...remoteStates.values()], joinStates);

  const keptPositions = new Map(localPositions.map((position) => [position.episodeId, position]));
  const remotePositions = joinAll(remote.positions, joinPositions);
  const takePositions = [...remotePositions.values()].filter((position) => {
    const here = keptPositions.get(position.episodeId);
    return !here || joinPositions(here, position) === position;
  });
  const positions = joinAll([...localPositions, ...remotePositions.values()], joinPositions);

  const { items: joined, notesLeftOut } = encodeForSync([...states.values()], [...positions.values()]);
  const set = Object.fromEntries(Object.entries(joined).filter(([key, value]) => items[key] !== value));
  const remove = Object.keys(items).filter((key) => !(key in joined));
  return { newerFormat: false, unreadable: remote.unreadable, takeStates, takePositions, set, remove, notesLeftOut };
}
