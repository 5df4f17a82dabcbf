/**
 * Where the background sends the pages' player commands: to the offscreen document in Chrome
 * (made when an episode is to play; a command with no document open finds the player idle),
 * to the player in this event page in Firefox.
 */
import browser from 'webextension-polyfill';
import { inBackground } from '../errors';
import { PlayerHost } from '../platform/player/host';
import { isPlaying, type PlayerCommand, type PlayerState } from '../core/player/state';
import type { StoreChange } from '../platform/storage/database';
import { commandOffscreenPlayer, needsOffscreenDocument } from './offscreenDocument';

let host: PlayerHost | null = null;

/**
 * Firefox unloads an event page after 30 s without extension events, audio playing or not (tested:
 * with the idle timeout at 8 s, playback stopped). Any extension API call starts that count again:
 * while an episode plays, one is made every few seconds.
 */
const KEEP_ALIVE_MS = 5_000;

function keepAliveWhilePlaying(player: PlayerHost): void {
  setInterval(() => {
    if (isPlaying(player.state().status)) inBackground('keeping the event page awake', browser.runtime.getPlatformInfo());
  }, KEEP_ALIVE_MS);
}

/** Whether an episode is playing, in this event page (Firefox) or the offscreen document (Chrome). */
export async function playerIsPlaying(): Promise<boolean> {
  if (!needsOffscreenDocument) return host !== null && isPlaying(host.state().status);
  return isPlaying((await commandOffscreenPlayer({ kind: 'state' })).status);
}

/** `followChange` is what the background does after a page changed the log; the player changes it here in Firefox. */
export async function commandPlayer(command: PlayerCommand, followChange: (change: StoreChange) => Promise<void>): Promise<PlayerState> {
  if (!needsOffscreenDocument) {
    if (!host) {
      host = new PlayerHost(browser.runtime.getURL('icons/icon-128.png'), followChange);
      keepAliveWhilePlaying(host);
    }
    return host.command(command);
  }
  return commandOffscreenPlayer(command);
}
