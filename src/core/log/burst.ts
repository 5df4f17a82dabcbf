/**
 * The day an app says an episode was played to its end, and when that day is no day at all: a
 * podcast app that marks a batch at once (AntennaPod's first sync uploads every episode played
 * before, stamped with the time of that sync) gives many episodes the same instant.
 */
import { localToday } from '../text/dates';
import { DAY_UNKNOWN } from '../records';

export interface EpisodeEnd {
  number: number;
  /** ms since the epoch. */
  at: number;
}

/** Instants at which two episodes or more ended: no one listens so. */
export function burstInstants(ends: Iterable<EpisodeEnd>): Set<number> {
  const episodesAt = new Map<number, Set<number>>();
  for (const end of ends) {
    const episodes = episodesAt.get(end.at) ?? new Set<number>();
    episodes.add(end.number);
    episodesAt.set(end.at, episodes);
  }
  return new Set([...episodesAt].filter(([, episodes]) => episodes.size > 1).map(([at]) => at));
}

/** The listener's calendar day of an end, or DAY_UNKNOWN for one of a burst or without a time. */
export function dayOfEnd(at: number | null, bursts: ReadonlySet<number>): string {
  return at === null || bursts.has(at) ? DAY_UNKNOWN : localToday(new Date(at));
}
