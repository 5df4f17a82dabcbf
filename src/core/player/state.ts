/**
 * What the player is doing, as every page sees it, and what they can ask of it. Pure: the host
 * (where the audio plays) keeps it, the popup and the journal draw it.
 */
import type { Playable } from './playable';

export type PlayerStatus = 'idle' | 'loading' | 'playing' | 'paused' | 'ended' | 'failed';

export interface PlayerState {
  playable: Playable | null;
  status: PlayerStatus;
  /** Seconds. */
  position: number;
  duration: number | null;
  rate: number;
  /**
   * Why the episode cannot play: the mp3 cannot be reached or read, or its address is not on the
   * show's audio host, and is refused without a request.
   */
  failure: 'unreachable' | 'refused' | null;
  /** The episode the player just marked listened by itself, which one undo takes back. */
  markedListened: string | null;
}

/** Playing, or about to (loading what it plays): what the bar's toggle pauses, and what keeps a host alive. */
export function isPlaying(status: PlayerStatus): boolean {
  return status === 'playing' || status === 'loading';
}

/** An episode loaded and not over: playing, or paused where the listener left it. */
export function holdsEpisode(status: PlayerStatus): boolean {
  return isPlaying(status) || status === 'paused';
}

export const IDLE_PLAYER: PlayerState = {
  playable: null,
  status: 'idle',
  position: 0,
  duration: null,
  rate: 1,
  failure: null,
  markedListened: null,
};

export type PlayerCommand =
  | { kind: 'state' }
  /** Plays an episode where it was left (or from `at` seconds); the one held already plays on. */
  | { kind: 'play'; playable: Playable; at?: number }
  | { kind: 'pause' }
  | { kind: 'seek'; to: number }
  | { kind: 'skip'; by: number }
  | { kind: 'rate'; rate: number }
  | { kind: 'undo-listened' };

/** The channel on which the host tells every page of each change of its state. */
export const PLAYER_CHANNEL = 'lcc-companion/player';

/**
 * The channel on which a page asks the host, wherever it plays, for its state, which the host
 * tells on PLAYER_CHANNEL: a page hears it as it opens without waking the background. No answer:
 * no host, so no episode loaded.
 */
export const PLAYER_QUESTIONS_CHANNEL = 'lcc-companion/player-questions';
