/**
 * When each field of a listening state last changed. One time for the whole state let a browser
 * that rated an episode undo, through sync, the mark another browser had just given it: with a
 * time per field, both changes are kept, and only a later change of the same field wins.
 */
import type { ListeningState } from '../records';

export const STATE_FIELDS = ['listenedOn', 'bookmarkedAt', 'note', 'rating'] as const;
export type StateField = (typeof STATE_FIELDS)[number];

/** Ms since the epoch for each field; 0 for a field that never changed. */
export type ChangeTimes = Record<StateField, number>;

export function changeTimesOf(state: ListeningState): ChangeTimes {
  // A state kept before the fields had times of their own: each changed with the whole state.
  const whole = state.changedAt === undefined ? Date.parse(state.updatedAt) : 0;
  const timeOf = (field: StateField) => {
    const at = state.changedAt?.[field];
    return at === undefined ? whole : Date.parse(at);
  };
  return { listenedOn: timeOf('listenedOn'), bookmarkedAt: timeOf('bookmarkedAt'), note: timeOf('note'), rating: timeOf('rating') };
}

/** The stored form of `times`: a field that never changed is left out. */
export function changedAtOf(times: ChangeTimes): NonNullable<ListeningState['changedAt']> {
  const changedAt: NonNullable<ListeningState['changedAt']> = {};
  for (const field of STATE_FIELDS) if (times[field] > 0) changedAt[field] = new Date(times[field]).toISOString();
  return changedAt;
}

/** `after` as it is written over `before`: the fields it changed stamped with its `updatedAt`, the others keeping their times. */
export function stampChanges(before: ListeningState, after: ListeningState): ListeningState {
  const times = changeTimesOf(before);
  const at = Date.parse(after.updatedAt);
  for (const field of STATE_FIELDS) if (before[field] !== after[field]) times[field] = at;
  return { ...after, changedAt: changedAtOf(times) };
}
