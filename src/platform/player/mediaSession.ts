/**
 * The system's media controls (the Media Session API): what they show of the episode playing,
 * and which of the player's commands their keys send. Where the browser has none, nothing.
 */
import { SHOW_ARTWORK_URL } from '../../core/episode/urls';
import { SKIP_BACK_SECONDS, SKIP_FORWARD_SECONDS, type Playable } from '../../core/player/playable';
import type { PlayerCommand, PlayerState } from '../../core/player/state';

const hasMediaSession = () => 'mediaSession' in navigator;

/**
 * The site's own image first, as the popup shows it (the show's logo is never shipped); the
 * extension's icon for a system that cannot fetch it.
 */
export function showInMediaSession(playable: Playable, fallbackArtworkUrl: string): void {
  if (!hasMediaSession()) return;
  navigator.mediaSession.metadata = new MediaMetadata({
    title: playable.title,
    artist: 'Les Cast Codeurs',
    album: playable.number === null ? 'Les Cast Codeurs' : `LCC ${playable.number}`,
    artwork: [
      { src: SHOW_ARTWORK_URL, type: 'image/png' },
      { src: fallbackArtworkUrl, sizes: '128x128', type: 'image/png' },
    ],
  });
}

export function updateMediaSession(state: PlayerState): void {
  if (!hasMediaSession()) return;
  navigator.mediaSession.playbackState = state.status === 'playing' ? 'playing' : state.status === 'paused' ? 'paused' : 'none';
  if (state.duration !== null && state.position <= state.duration) {
    navigator.mediaSession.setPositionState({ duration: state.duration, position: state.position, playbackRate: state.rate });
  }
}

/** The keys' commands: play (the episode held), pause, seeks, and "next track" (the next of the queue). */
export function sendMediaKeysTo(player: { command(command: PlayerCommand): void; playable(): Playable | null; skipToNext(): void }): void {
  if (!hasMediaSession()) return;
  const session = navigator.mediaSession;
  const actions: [MediaSessionAction, MediaSessionActionHandler][] = [
    [
      'play',
      () => {
        const playable = player.playable();
        if (playable) player.command({ kind: 'play', playable });
      },
    ],
    ['pause', () => player.command({ kind: 'pause' })],
    ['seekbackward', (details) => player.command({ kind: 'skip', by: -(details.seekOffset ?? SKIP_BACK_SECONDS) })],
    ['seekforward', (details) => player.command({ kind: 'skip', by: details.seekOffset ?? SKIP_FORWARD_SECONDS })],
    ['seekto', (details) => details.seekTime !== undefined && player.command({ kind: 'seek', to: details.seekTime })],
    ['nexttrack', () => player.skipToNext()],
  ];
  for (const [action, handler] of actions) {
    try {
      session.setActionHandler(action, handler);
    } catch {
      // An action this browser does not know: the others still work.
    }
  }
}
