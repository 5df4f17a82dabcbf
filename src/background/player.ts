/**
 * Where the background sends the pages' player commands: to the offscreen document in Chrome
 * (made when an episode is to play; a command with no document open finds the player idle),
 * to the player in this event page in Firefox.
 */
import browser from 'webextension-polyfill';
import { sendToOffscreen } from '../messages';
import { PlayerHost } from '../player/host';
import { IDLE_PLAYER, type PlayerCommand, type PlayerState } from '../player/state';
import type { StoreChange } from '../storage/store';
import { hasOffscreenDocument, needsOffscreenDocument, openOffscreenDocument } from './offscreenDocument';

let host: PlayerHost | null = null;

/** `followChange` is what the background does after a page changed the log; the player changes it here in Firefox. */
export async function commandPlayer(command: PlayerCommand, followChange: (change: StoreChange) => Promise<void>): Promise<PlayerState> {
  if (!needsOffscreenDocument) {
    host ??= new PlayerHost(browser.runtime.getURL('icons/icon-128.png'), followChange);
    return host.command(command);
  }
  if (command.kind === 'play') await openOffscreenDocument('AUDIO_PLAYBACK');
  else if (!(await hasOffscreenDocument())) return IDLE_PLAYER;
  return sendToOffscreen(browser.runtime, { type: 'offscreen/player', command });
}
