/**
 * Chrome's one offscreen document, shared by the two kinds of work that need one: reading the
 * feed (DOMParser, which the service worker lacks) and playing audio. Chrome allows a single
 * document per extension: it is made for whichever needs it first, with that reason, and closed
 * after a feed is read only when the player holds no episode. One made to play audio, Chrome
 * closes itself after 30 s of silence; the player has written its position by then.
 */
import browser from 'webextension-polyfill';
import { recover } from '../errors';
import { sendToOffscreen } from '../messages';

/** Chrome's offscreen API, which the polyfill does not cover. */
interface OffscreenApi {
  createDocument(parameters: { url: string; reasons: string[]; justification: string }): Promise<void>;
  closeDocument(): Promise<void>;
  hasDocument(): Promise<boolean>;
}

const offscreenApi = (globalThis as unknown as { chrome?: { offscreen?: OffscreenApi } }).chrome?.offscreen;

export type OffscreenReason = 'DOM_PARSER' | 'AUDIO_PLAYBACK';

const JUSTIFICATIONS: Record<OffscreenReason, string> = {
  DOM_PARSER: "Reads the site's Atom feed into the offline archive of episodes.",
  AUDIO_PLAYBACK: 'Plays the episode the listener started, on after the popup closes.',
};

/** Whether this background must use an offscreen document (Chrome's service worker) rather than work in place. */
export const needsOffscreenDocument = typeof DOMParser === 'undefined';

let creating: Promise<void> | null = null;

export function hasOffscreenDocument(): Promise<boolean> {
  return offscreenApi ? offscreenApi.hasDocument() : Promise.resolve(false);
}

export function openOffscreenDocument(reason: OffscreenReason): Promise<void> {
  const api = offscreenApi;
  if (!api) return Promise.reject(new Error('no DOMParser and no offscreen document here'));
  // Two callers at once would both create it, and Chrome refuses the second.
  creating ??= (async () => {
    if (!(await api.hasDocument())) {
      await api.createDocument({ url: 'offscreen/index.html', reasons: [reason], justification: JUSTIFICATIONS[reason] });
    }
  })().finally(() => (creating = null));
  return creating;
}

/** Closes the document unless the player holds an episode in it, playing or paused (not ended). */
export async function closeOffscreenDocumentUnlessPlaying(): Promise<void> {
  if (!offscreenApi || !(await offscreenApi.hasDocument())) return;
  // A document that cannot say holds no player worth keeping.
  const player = await sendToOffscreen(browser.runtime, { type: 'offscreen/player', command: { kind: 'state' } }).catch(
    recover('asking the offscreen player its state', null),
  );
  const holding = player !== null && (player.status === 'playing' || player.status === 'loading' || player.status === 'paused');
  if (!holding) await offscreenApi.closeDocument();
}
