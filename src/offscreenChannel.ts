/**
 * How the background reaches Chrome's offscreen document, and the document answers: the requests
 * and answers are `OffscreenRequest` and `OffscreenAnswers` of the protocol (messages.ts). Only
 * these two contexts load this file.
 */
import type { OffscreenAnswer, OffscreenRequest } from './messages';

/** A window of the extension as its service worker sees it (the Clients API, which the DOM's types lack). */
export interface WorkerClient {
  url: string;
  postMessage(message: unknown, transfer: Transferable[]): void;
}

export interface WorkerClients {
  matchAll(options: { includeUncontrolled: boolean; type: 'window' }): Promise<readonly WorkerClient[]>;
}

/** The offscreen document's reply on the request's port. */
type OffscreenReply = { answer: unknown } | { failed: string };

function windowAt(clients: WorkerClients, url: string): Promise<WorkerClient | undefined> {
  return clients.matchAll({ includeUncontrolled: true, type: 'window' }).then((windows) => windows.find((each) => each.url === url));
}

/** How often a request looks whether the document it waits for is still there: Chrome tells no port of its closing. */
const DOCUMENT_CHECK_MS = 250;

/**
 * Sends to the offscreen document as a client of the service worker, not by the runtime's
 * messages: those are serialised as JSON (470 ms for the 3.4 MB of entries a first ingest sends,
 * here), a client's message is structured-cloned (170 ms). Only the extension's own service
 * worker can post to its documents. Rejects when the document is not open, or closes before it
 * answers (Chrome closed it, or it ran out of memory).
 */
export async function sendToOffscreen<R extends OffscreenRequest>(
  clients: WorkerClients,
  documentUrl: string,
  request: R,
): Promise<OffscreenAnswer<R>> {
  const offscreenDocument = await windowAt(clients, documentUrl);
  if (!offscreenDocument) throw new Error('the offscreen document is not open');
  const { port1, port2 } = new MessageChannel();
  let watch: ReturnType<typeof setInterval> | undefined;
  return new Promise<OffscreenAnswer<R>>((resolve, reject) => {
    port1.onmessage = ({ data }: MessageEvent<OffscreenReply>) => {
      if ('answer' in data) resolve(data.answer as OffscreenAnswer<R>);
      else reject(new Error(data.failed));
    };
    watch = setInterval(() => {
      windowAt(clients, documentUrl).then((open) => {
        if (!open) reject(new Error('the offscreen document closed before answering'));
      }, reject);
    }, DOCUMENT_CHECK_MS);
    offscreenDocument.postMessage(request, [port2]);
  }).finally(() => {
    clearInterval(watch);
    port1.close();
  });
}

/** The offscreen document's side: the answer to a request, or why it failed, on the request's port. */
export function answerOnPort(port: MessagePort, work: Promise<unknown>): void {
  work.then(
    (answer) => port.postMessage({ answer } satisfies OffscreenReply),
    (error: unknown) => port.postMessage({ failed: String(error) } satisfies OffscreenReply),
  );
}
