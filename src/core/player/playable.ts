/**
 * What the player needs of an episode to play it, name it and keep its place, whichever list it
 * comes from (the popup's episode, a row of the episode list, the queue). Pure.
 */
import type { Episode } from '../episode/model';

export interface Playable {
  episodeId: string;
  /** The episode's page address. */
  url: string;
  number: number | null;
  title: string;
  /** The mp3's address. */
  audioUrl: string;
}

export function playableOf(episode: Episode): Playable | null {
  if (!episode.audio) return null;
  return { episodeId: episode.id, url: episode.url, number: episode.number, title: episode.title, audioUrl: episode.audio.url };
}

/** The lowest and highest speeds offered, and the presets shown as buttons. */
export const MIN_RATE = 0.8;
export const MAX_RATE = 2.5;
export const RATE_PRESETS = [1, 1.25, 1.5, 1.75, 2] as const;

/** A speed the player accepts: within the range, to the nearest 0.05. */
export function playbackRate(rate: number): number {
  if (!Number.isFinite(rate)) return 1;
  return Math.min(MAX_RATE, Math.max(MIN_RATE, Math.round(rate * 20) / 20));
}

/** The skip buttons' steps, as podcast apps have them. */
export const SKIP_BACK_SECONDS = 15;
export const SKIP_FORWARD_SECONDS = 30;

/**
 * AntennaPod's "smart mark as played": an episode stopped with this little left counts as heard
 * (the last half minute is the outro and the sponsors' thanks).
 */
export const PLAYED_MARGIN_SECONDS = 30;

export function isPlayedOut(position: number, duration: number | null): boolean {
  return duration !== null && duration > 0 && duration - position <= PLAYED_MARGIN_SECONDS;
}

/** `43:12`, or `1:12:30` from an hour on. */
export function formatClock(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = String(seconds % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}
