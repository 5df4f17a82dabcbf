/**
 * What the listener's podcast apps did, turned into the log's terms: an episode played to its end
 * is listened, on the day it ended; one stopped before is a position to resume at. Between the
 * apps and this browser the newest wins, per episode.
 */
import { burstInstants, dayOfEnd } from '../log/burst';
import { localMonth, type ListenedSeconds } from '../player/listeningClock';
import type { ListeningState, PlaybackPosition } from '../records';
import { END_MARGIN_SECONDS, type ShowAction } from './actions';

/**
 * The media and feed addresses the listener's apps gave an episode (what an action about it must
 * carry), and its length in seconds as they gave it, where one did.
 */
export interface AppAddresses {
  media: string;
  podcast: string;
  total: number | null;
}

export interface MarkFromApp {
  number: number;
  /** The listener's calendar day the play ended, or DAY_UNKNOWN for an app's first-sync upload. */
  listenedOn: string;
  at: string;
  device: string;
}

export interface PositionFromApp {
  number: number;
  seconds: number;
  total: number | null;
  at: string;
  device: string;
}

export interface ChangesFromApps {
  listened: MarkFromApp[];
  positions: PositionFromApp[];
  /** The seconds the apps' plays span, by the listener's month they ended in. */
  listenedTime: ListenedSeconds[];
  /** Per episode number, the addresses of its newest action. */
  addresses: Map<number, AppAddresses>;
}

/** What the log holds of an episode, as the merge compares it. */
export interface LocalEpisode {
  state: Pick<ListeningState, 'listenedOn' | 'updatedAt'> | undefined;
  position: Pick<PlaybackPosition, 'updatedAt'> | undefined;
}

const reachedEnd = (action: ShowAction) =>
  action.kind === 'play' && action.position !== null && action.total !== null && action.position >= action.total - END_MARGIN_SECONDS;

const isoOf = (at: number) => new Date(at).toISOString();

/**
 * The changes the apps' actions make to the log. `ownDevice`'s actions are this extension's own,
 * sent earlier: they change nothing. `local(number)` gives what is stored of an episode, undefined
 * for one unknown here (no page to show it or resume it on): of those, only the addresses are kept.
 */
export function changesFromApps(
  actions: ShowAction[],
  ownDevice: string,
  local: (number: number) => LocalEpisode | undefined,
): ChangesFromApps {
  const others = actions.filter((action) => action.device !== ownDevice).sort((a, b) => a.at - b.at);
  const addresses = new Map<number, AppAddresses>();
  const lastEnd = new Map<number, ShowAction>();
  const lastPlay = new Map<number, ShowAction>();
  for (const action of others) {
    const total = action.total ?? addresses.get(action.number)?.total ?? null;
    addresses.set(action.number, { media: action.media, podcast: action.podcast, total });
    if (action.kind !== 'play') continue;
    lastPlay.set(action.number, action);
    if (reachedEnd(action)) lastEnd.set(action.number, action);
  }
  const bursts = burstInstants(others.filter(reachedEnd));
  const listened: MarkFromApp[] = [];
  for (const [number, end] of lastEnd) {
    const known = local(number);
    if (!known) continue;
    const { state } = known;
    // Listened here already (on a day the listener chose), or unmarked here after the app's play.
    if (state?.listenedOn || (state && Date.parse(state.updatedAt) > end.at)) continue;
    listened.push({
      number,
      listenedOn: dayOfEnd(end.at, bursts),
      at: isoOf(end.at),
      device: end.device,
    });
  }
  const positions: PositionFromApp[] = [];
  for (const [number, play] of lastPlay) {
    const known = local(number);
    if (!known || reachedEnd(play) || !play.position) continue;
    const { position } = known;
    if (position && Date.parse(position.updatedAt) >= play.at) continue;
    positions.push({ number, seconds: play.position, total: play.total, at: isoOf(play.at), device: play.device });
  }
  return { listened, positions, listenedTime: timeListened(others, bursts), addresses };
}

/** A play longer than this is no one's listening (an app's bad clock, a stuck position): it counts for nothing. */
const MAX_PLAY_SECONDS = 6 * 60 * 60;

/**
 * The time the apps' plays span (from `started` to `position`), by month: each play once, as the
 * app reports it (the extension's own were counted by its player, and are not among `plays`),
 * at 1× since apps do not say their speed; a burst of an app's first sync is no listening.
 */
function timeListened(plays: ShowAction[], bursts: ReadonlySet<number>): ListenedSeconds[] {
  const months = new Map<string, number>();
  for (const play of plays) {
    if (play.kind !== 'play' || play.started === null || play.position === null || bursts.has(play.at)) continue;
    const seconds = play.position - play.started;
    if (seconds <= 0 || seconds > MAX_PLAY_SECONDS) continue;
    const month = localMonth(play.at);
    months.set(month, (months.get(month) ?? 0) + seconds);
  }
  return [...months].map(([month, seconds]) => ({ month, wallSeconds: seconds, contentSeconds: seconds }));
}
