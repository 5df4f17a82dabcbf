/** How the background reaches the offscreen document: on a port, answered, or refused once the document is gone. */
import { describe, expect, it } from 'vitest';
import { answerOnPort, sendToOffscreen, type WorkerClient } from '../src/offscreenChannel';

const ORIGIN = 'chrome-extension://abcdefghijklmnop/';
describe('the offscreen document, as the background reaches it', () => {
  const DOCUMENT = `${ORIGIN}offscreen/index.html`;
  const request = { type: 'offscreen/player', command: { kind: 'state' } } as const;

  /** A service worker's clients: the document answers with `answer`, or holds the port and is closed. */
  function clientsWith(answer: (port: MessagePort) => void) {
    const windows: WorkerClient[] = [];
    windows.push({
      url: DOCUMENT,
      postMessage: (_message, [port]) => answer(port as MessagePort),
    });
    return { windows, clients: { matchAll: async () => windows } };
  }

  it("gets the document's answer, or its failure, on the port it posted", async () => {
    const answering = clientsWith((port) => answerOnPort(port, Promise.resolve({ status: 'idle' })));
    await expect(sendToOffscreen(answering.clients, DOCUMENT, request)).resolves.toEqual({ status: 'idle' });
    const failing = clientsWith((port) => answerOnPort(port, Promise.reject(new Error('no audio'))));
    await expect(sendToOffscreen(failing.clients, DOCUMENT, request)).rejects.toThrow('no audio');
  });

  it('is refused when no document is open, or once the document closes before answering', async () => {
    await expect(sendToOffscreen({ matchAll: async () => [] }, DOCUMENT, request)).rejects.toThrow('not open');
    const held: MessagePort[] = [];
    const closing = clientsWith((port) => {
      held.push(port);
      closing.windows.length = 0;
    });
    await expect(sendToOffscreen(closing.clients, DOCUMENT, request)).rejects.toThrow('closed before answering');
    held.forEach((port) => port.close());
  });
});
