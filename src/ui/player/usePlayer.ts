/**
 * The one player as a page sees it: its state, asked once the page has painted and then heard
 * on the player's channel at each change, and a way to command it (through the background,
 * which reaches it wherever it plays).
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { reportError } from '../../errors';
import { sendToBackground } from '../../messages';
import { PLAYER_CHANNEL, type PlayerCommand, type PlayerState } from '../../player/state';
import { afterNextPaint } from '../afterNextPaint';

export interface PlayerHandle {
  /** Undefined until the player has answered. */
  state: PlayerState | undefined;
  command: (command: PlayerCommand) => Promise<void>;
}

export function usePlayer(): PlayerHandle {
  const [state, setState] = useState<PlayerState | undefined>(undefined);
  const command = useCallback(
    (request: PlayerCommand) =>
      sendToBackground(browser.runtime, { type: 'player/command', command: request }).then(setState, (error: unknown) =>
        reportError(`the player's ${request.kind}`, error),
      ),
    [],
  );
  useEffect(() => {
    const channel = new BroadcastChannel(PLAYER_CHANNEL);
    channel.onmessage = (event: MessageEvent<PlayerState>) => setState(event.data);
    const cancel = afterNextPaint(() => void command({ kind: 'state' }));
    return () => {
      cancel();
      channel.close();
    };
  }, [command]);
  return { state, command };
}
