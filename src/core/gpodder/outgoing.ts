/**
 * What the extension tells the listener's podcast apps, taken from the log rather than queued
 * apart: every listened mark, unmark and position written here since the last actions the server
 * took. Nothing is lost offline or across restarts (the log is stored), and each is sent once
 * (the point the server confirmed moves only then). Marks and positions that came from the apps,
 * through the sync or an app's history file, go back to none of them.
 */
import { numberOfEpisodeId } from '../episode/model';
import { actionTime, type OutgoingAction } from './actions';
import type { AppAddresses } from './merge';
import type { EpisodeLog, PlaybackPosition } from '../records';

/** What naming an episode in an action takes: its number, its mp3 in the archive, its length in seconds. */
export interface EpisodeToName {
  number: number;
  enclosure: string | null;
  seconds: number | null;
}

/**
 * The addresses to name an episode with: those the apps used for it; else those of another
 * episode they mentioned, with its number put in; else the archive's enclosure and the show's feed.
 */
export function addressesFor(
  number: number,
  learned: ReadonlyMap<number, AppAddresses>,
  enclosure: string | null,
  feed: string,
): AppAddresses | null {
  const own = learned.get(number);
  if (own) return own;
  for (const [other, { media, podcast }] of learned) {
    const named = `LesCastCodeurs-Episode-${other}.mp3`;
    if (media.includes(named)) return { media: media.replace(named, `LesCastCodeurs-Episode-${number}.mp3`), podcast, total: null };
  }
  return enclosure ? { media: enclosure, podcast: feed, total: null } : null;
}

export interface Pending {
  /** In the order they happened. */
  actions: OutgoingAction[];
  /** The time of the newest change looked at: the next call starts after it, once these are sent. */
  upTo: string | null;
}

interface Change {
  episodeId: string;
  at: string;
  /** Seconds into the episode; null for its end. */
  position: number | null;
}

export interface PendingInput {
  logs: EpisodeLog[];
  positions: PlaybackPosition[];
  episodes: ReadonlyMap<string, EpisodeToName>;
  /** The `upTo` of the last actions the server took; null before the first. */
  after: string | null;
  device: string;
  learned: ReadonlyMap<number, AppAddresses>;
  feed: string;
}

/**
 * The actions the log holds since `after`: a mark listened is a play to the end (as AntennaPod
 * sends one), an unmark a play at the position before it, a pause a play at its position.
 * A change to an episode without a number, or whose addresses or length nothing gives, cannot be
 * named to an app, and is passed over.
 */
export function pendingActions({ logs, positions, episodes, after, device, learned, feed }: PendingInput): Pending {
  const isNew = (at: string) => after === null || at > after;
  const positionOf = new Map(positions.map((position) => [position.episodeId, position]));
  const changes: Change[] = [];
  for (const log of logs) {
    for (const event of log.events) {
      if (!isNew(event.at) || event.from === 'gpodder' || event.from === 'app') continue;
      if (event.kind === 'listened') changes.push({ episodeId: log.episodeId, at: event.at, position: null });
      if (event.kind === 'unlistened')
        changes.push({ episodeId: log.episodeId, at: event.at, position: positionOf.get(log.episodeId)?.seconds ?? 0 });
    }
  }
  for (const position of positions) {
    if (isNew(position.updatedAt) && position.device === undefined)
      changes.push({ episodeId: position.episodeId, at: position.updatedAt, position: position.seconds });
  }
  changes.sort((a, b) => a.at.localeCompare(b.at));
  const actions: OutgoingAction[] = [];
  for (const change of changes) {
    // An episode played or marked before the archive was read is known by its id alone.
    const episode = episodes.get(change.episodeId);
    const number = episode?.number ?? numberOfEpisodeId(change.episodeId);
    const addresses = number === null ? null : addressesFor(number, learned, episode?.enclosure ?? null, feed);
    // The length the player read, else the archive's (from the mp3's size), else the one the apps gave.
    const total = Math.round(positionOf.get(change.episodeId)?.duration ?? episode?.seconds ?? addresses?.total ?? 0);
    if (!addresses || total === 0) continue;
    const position = Math.min(total, Math.round(change.position ?? total));
    actions.push({
      podcast: addresses.podcast,
      episode: addresses.media,
      action: 'play',
      timestamp: actionTime(new Date(change.at)),
      started: position,
      position,
      total,
      device,
    });
  }
  return { actions, upTo: changes.at(-1)?.at ?? after };
}
