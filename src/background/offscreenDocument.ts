/**
 * Chrome's one offscreen document, shared by the two kinds of work that need one: reading the
 * feed (DOMParser, which the service worker lacks) and playing audio. Chrome allows a single
 * document per extension: it is made for whichever needs it first, with that reason, and closed
 * after a feed is read only when the player holds no episode. One made to play audio, Chrome
 * closes itself after 30 s of silence; the player has written its position by then.
 */
import browser from 'webextension-polyfill';
import { recover } from '../errors';
import type { OffscreenAnswer, OffscreenRequest } from '../messages';
import { sendToOffscreen, type WorkerClients } from '../offscreenChannel';
import { holdsEpisode, IDLE_PLAYER, type PlayerCommand, type PlayerState } from '../core/player/state';

/** Chrome's offscreen API, which the polyfill does not cover. */
interface OffscreenApi {
  createDocument(parameters: { url: string; reasons: string[]; justification: string }): Promise<void>;
  closeDocument(): Promise<void>;
  hasDocument(): Promise<boolean>;
}

const offscreenApi = (globalThis as unknown as { chrome?: { offscreen?: OffscreenApi } }).chrome?.offscreen;
/** The service worker's clients, the offscreen document among them. */
const workerClients = (globalThis as unknown as { clients?: WorkerClients }).clients;

const OFFSCREEN_PAGE = 'offscreen/index.html';

export type OffscreenReason = 'DOM_PARSER' | 'AUDIO_PLAYBACK';

const JUSTIFICATIONS: Record<OffscreenReason, string> = {
  DOM_PARSER: "Reads the site's Atom feed into the offline archive of episodes.",
  AUDIO_PLAYBACK: 'Plays the episode the listener started, on after the popup closes.',
};

/** Whether this background must use an offscreen document (Chrome's service worker) rather than work in place. */
export const needsOffscreenDocument = typeof DOMParser === 'undefined';

let turn: Promise<unknown> = Promise.resolve();

/**
 * Runs `work` once every other opening, closing or player command of the document is done: a
 * feed refresh closing the document after its parse can never cross an episode starting in it.
 */
function inTurn<T>(work: () => Promise<T>): Promise<T> {
  const run = turn.then(work, work);
  turn = run.catch(() => undefined);
  return run;
}

async function openUnlessOpen(api: OffscreenApi, reason: OffscreenReason): Promise<void> {
  if (!(await api.hasDocument())) {
    await api.createDocument({ url: OFFSCREEN_PAGE, reasons: [reason], justification: JUSTIFICATIONS[reason] });
  }
}

function offscreen(): OffscreenApi {
  if (!offscreenApi) throw new Error('no DOMParser and no offscreen document here');
  return offscreenApi;
}

/** A request to the open document (see `openOffscreenDocument`). */
export async function sendToOffscreenDocument<R extends OffscreenRequest>(request: R): Promise<OffscreenAnswer<R>> {
  if (!workerClients) throw new Error('no offscreen document here');
  return sendToOffscreen(workerClients, browser.runtime.getURL(OFFSCREEN_PAGE), request);
}

export function openOffscreenDocument(reason: OffscreenReason): Promise<void> {
  return inTurn(() => openUnlessOpen(offscreen(), reason));
}

/** Closes the document unless the player holds an episode in it, playing or paused (not ended). */
export function closeOffscreenDocumentUnlessPlaying(): Promise<void> {
  return inTurn(async () => {
    const api = offscreen();
    if (!(await api.hasDocument())) return;
    // A document that cannot say holds no player worth keeping.
    const player = await sendToOffscreenDocument({ type: 'offscreen/player', command: { kind: 'state' } }).catch(
      recover('asking the offscreen player its state', null),
    );
    if (player === null || !holdsEpisode(player.status)) await api.closeDocument();
  });
}

/** A command to the player in the document: made to play an episode; without one, the player is idle. */
export function commandOffscreenPlayer(command: PlayerCommand): Promise<PlayerState> {
  return inTurn(async () => {
    const api = offscreen();
    if (command.kind === 'play') await openUnlessOpen(api, 'AUDIO_PLAYBACK');
    else if (!(await api.hasDocument())) return IDLE_PLAYER;
    return sendToOffscreenDocument({ type: 'offscreen/player', command });
  });
}
