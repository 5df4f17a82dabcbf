/**
 * The one player as a page sees it: its state, asked as the page's script runs and then heard
 * on the player's channel at each change, and a way to command it (through the background,
 * which reaches it wherever it plays).
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { reportError } from '../../errors';
import { sendToBackground } from '../../messages';
import { PLAYER_CHANNEL, PLAYER_QUESTIONS_CHANNEL, type PlayerCommand, type PlayerState } from '../../core/player/state';

export interface PlayerHandle {
  /** Undefined while no player has answered: none is loaded, nothing to draw. */
  state: PlayerState | undefined;
  /** Sends a command; a failure is reported, and the state stays as the player last told it. */
  command: (command: PlayerCommand) => void;
}

function commandPlayer(request: PlayerCommand): Promise<PlayerState> {
  return sendToBackground(browser.runtime, { type: 'player/command', command: request });
}

/**
 * What the page has heard of the player since its script ran. It asks the player at once, on the
 * player's own channel: the answer comes with the page's content, so that the bar is drawn above
 * it from the start rather than pushing it down a frame or two later (measured in the popup while
 * an episode plays: the bar came 22-55 ms after the episode). Asked through the background
 * instead, the answer came first but held the episode back 15-30 ms (waking the background).
 * No answer: no player is loaded (none made in this browser's session, or Chrome closed it after
 * its silence, or Firefox unloaded its event page), which is what the background would say too.
 */
let heard: PlayerState | undefined;
const hearers = new Set<(state: PlayerState) => void>();

/**
 * Whether the pages last heard of a player with an episode loaded (its bar drawn): a page that
 * would draw its first frame before the player answers does not, then, lest the bar push its
 * content down a frame later. Unheard within a second: no player is loaded.
 */
const LOADED_KEY = 'lcc-companion/player-loaded';
const UNHEARD_MS = 1000;

export function playerSeenLoaded(): boolean {
  try {
    return localStorage.getItem(LOADED_KEY) !== null;
  } catch {
    return false;
  }
}

function rememberLoaded(loaded: boolean): void {
  try {
    if (loaded) localStorage.setItem(LOADED_KEY, '1');
    else localStorage.removeItem(LOADED_KEY);
  } catch {
    // No storage: the next page waits for the player as before.
  }
}

new BroadcastChannel(PLAYER_CHANNEL).onmessage = (event: MessageEvent<PlayerState>) => {
  heard = event.data;
  rememberLoaded(event.data.playable !== null);
  for (const hear of hearers) hear(event.data);
};
const questions = new BroadcastChannel(PLAYER_QUESTIONS_CHANNEL);
questions.postMessage('state');
questions.close();
setTimeout(() => {
  if (!heard) rememberLoaded(false);
}, UNHEARD_MS);

export function usePlayer(): PlayerHandle {
  const [state, setState] = useState<PlayerState | undefined>(heard);
  const command = useCallback((request: PlayerCommand) => {
    commandPlayer(request).then(setState, (error: unknown) => reportError(`the player's ${request.kind}`, error));
  }, []);
  useEffect(() => {
    if (heard) setState(heard);
    hearers.add(setState);
    return () => void hearers.delete(setState);
  }, []);
  return { state, command };
}
