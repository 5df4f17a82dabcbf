/**
 * A podcast app's history file (AntennaPod's database export, Overcast's "All data" OPML) as an
 * import: the show's episodes it holds, in the log's terms, with what they change. Pure: the
 * platform reads the file into `AppEpisode`s; this decides which are the show's and what they say.
 */
import { showEpisodeOfMedia } from '../episode/mediaUrls';
import { burstInstants, dayOfEnd } from '../log/burst';
import {
  DAY_UNKNOWN,
  playableOfCard,
  type EpisodeCard,
  type ListeningEvent,
  type ListeningState,
  type Playable,
  type PlaybackPosition,
} from '../records';
import { exportFileOf, type ExportFile } from './exportFile';

export const PODCAST_APPS = { antennapod: 'AntennaPod', overcast: 'Overcast' } as const;
export type PodcastApp = keyof typeof PODCAST_APPS;

/** An episode as an app's file holds it, of any podcast: the show's are found by their mp3 address. */
export interface AppEpisode {
  media: string;
  played: boolean;
  /** When it was played to its end, ms since the epoch; null where the app does not say. */
  playedAt: number | null;
  /** Where the listener stopped, in seconds; 0 for nowhere. */
  position: number;
  /** Its length in seconds, where the app knows it. */
  duration: number | null;
  /** When the position was set, ms since the epoch; null where the app does not say. */
  positionAt: number | null;
  favourite: boolean;
  /** Its place in the app's queue, the first smallest; null when not queued. */
  queuePlace: number | null;
}

export interface AppHistory {
  app: PodcastApp;
  episodes: AppEpisode[];
}

/** What an import of an app's history brings, as the preview says it before anything is written. */
export interface AppImportSummary {
  listened: number;
  /** Of the listened, those the app gives no day for. */
  undated: number;
  positions: number;
  favourites: number;
  queued: number;
  /** Episodes of other podcasts in the file, ignored. */
  otherPodcasts: number;
  /** The show's episodes the archive does not know (yet): nothing names them, so they are left out. */
  unknown: number;
}

/** One of the show's episodes, as the app's rows of it say together. */
interface ShowEpisode extends Omit<AppEpisode, 'media'> {
  card: EpisodeCard;
}

/** Two rows of one episode (the feed subscribed twice, over http and https) say what either says. */
function combined(a: ShowEpisode, b: ShowEpisode): ShowEpisode {
  const newerPosition = (b.positionAt ?? 0) > (a.positionAt ?? 0) ? b : a;
  return {
    card: a.card,
    played: a.played || b.played,
    playedAt: Math.max(a.playedAt ?? 0, b.playedAt ?? 0) || null,
    position: newerPosition.position,
    positionAt: newerPosition.positionAt,
    duration: a.duration ?? b.duration,
    favourite: a.favourite || b.favourite,
    queuePlace: a.queuePlace === null ? b.queuePlace : b.queuePlace === null ? a.queuePlace : Math.min(a.queuePlace, b.queuePlace),
  };
}

/** The show's episodes of the file that the archive knows, once each, and how many were left out. */
function showEpisodes(history: AppHistory, archive: EpisodeCard[]) {
  const cardOfNumber = new Map<number, EpisodeCard>();
  const enclosures = new Map<string, number>();
  for (const card of archive) {
    if (card.number === null || cardOfNumber.has(card.number)) continue;
    cardOfNumber.set(card.number, card);
    if (card.audioUrl) enclosures.set(card.audioUrl, card.number);
  }
  const episodes = new Map<number, ShowEpisode>();
  let otherPodcasts = 0;
  let unknown = 0;
  for (const { media, ...said } of history.episodes) {
    const number = showEpisodeOfMedia(media, enclosures);
    const card = number === null ? undefined : cardOfNumber.get(number);
    if (number === null) otherPodcasts++;
    else if (!card) unknown++;
    else {
      const episode = { ...said, card };
      const kept = episodes.get(number);
      episodes.set(number, kept ? combined(kept, episode) : episode);
    }
  }
  return { episodes: [...episodes.values()], otherPodcasts, unknown };
}

const emptyState = (episodeId: string, at: string): ListeningState => ({
  episodeId,
  listenedOn: null,
  bookmarkedAt: null,
  note: '',
  rating: null,
  updatedAt: at,
});

/**
 * The import an app's history makes, on top of `stored` (the states kept here, empty for a
 * replace): an episode played there is listened, on the day it ended there (day unknown where the
 * app kept none, or marked many at one instant); one stopped before its end is a position to
 * resume at; a favourite there is one here; the app's queue follows this one, in its order. What
 * the listener set here stays: a day chosen, a favourite's date, notes and ratings.
 */
export function appHistoryImport(
  history: AppHistory,
  archive: EpisodeCard[],
  stored: ListeningState[],
  now: Date,
): { file: ExportFile; summary: AppImportSummary } {
  const at = now.toISOString();
  const device = PODCAST_APPS[history.app];
  const { episodes, otherPodcasts, unknown } = showEpisodes(history, archive);
  const storedOf = new Map(stored.map((state) => [state.episodeId, state]));
  const played = episodes.filter((episode) => episode.played);
  const bursts = burstInstants(
    played.flatMap((episode) => (episode.playedAt ? [{ number: episode.card.number!, at: episode.playedAt }] : [])),
  );

  let undated = 0;
  const listening: ListeningState[] = [];
  const events: ListeningEvent[] = [];
  const positions: PlaybackPosition[] = [];
  for (const episode of episodes) {
    const { id: episodeId, url } = episode.card;
    const current = storedOf.get(episodeId) ?? emptyState(episodeId, at);
    const day = episode.played ? dayOfEnd(episode.playedAt, bursts) : null;
    // A day the listener gave here is kept; a day the app knows replaces "day unknown".
    const listenedOn = day !== null && (current.listenedOn === null || current.listenedOn === DAY_UNKNOWN) ? day : current.listenedOn;
    if (episode.played && listenedOn === DAY_UNKNOWN) undated++;
    const bookmarkedAt = current.bookmarkedAt ?? (episode.favourite ? at : null);
    if (listenedOn !== current.listenedOn || bookmarkedAt !== current.bookmarkedAt) {
      listening.push({ ...current, listenedOn, bookmarkedAt, updatedAt: at });
      if (listenedOn !== current.listenedOn && listenedOn !== null)
        events.push({ episodeId, kind: 'listened', at, listenedOn, from: 'app', device });
      if (bookmarkedAt !== current.bookmarkedAt) events.push({ episodeId, kind: 'bookmarked', at, from: 'app', device });
    }
    if (!episode.played && episode.position > 0)
      positions.push({
        episodeId,
        url,
        seconds: episode.position,
        duration: episode.duration,
        updatedAt: new Date(episode.positionAt ?? now.getTime()).toISOString(),
        device,
      });
  }
  const queue: Playable[] = episodes
    .filter((episode) => episode.queuePlace !== null)
    .sort((a, b) => a.queuePlace! - b.queuePlace!)
    .flatMap((episode) => playableOfCard(episode.card) ?? []);
  return {
    file: exportFileOf({ listening, events, positions, queue }, now),
    summary: {
      listened: played.length,
      undated,
      positions: positions.length,
      favourites: episodes.filter((episode) => episode.favourite).length,
      queued: queue.length,
      otherPodcasts,
      unknown,
    },
  };
}
