/**
 * Where every caught error goes, whichever context caught it: a console warning that says what
 * was being done, so that no failure passes unseen. The one expected failure between contexts,
 * a message that no one receives (a tab without the content script, a page closed meanwhile),
 * is not reported.
 */
const NO_RECEIVER = /Receiving end does not exist|Could not establish connection|message channel closed|Message manager disconnected/i;

function isNoReceiver(error: unknown): boolean {
  return error instanceof Error && NO_RECEIVER.test(error.message);
}

export function reportError(doing: string, error: unknown): void {
  if (!isNoReceiver(error)) console.warn(`LCC Companion: ${doing} failed:`, error);
}

/** A rejection handler that reports the error and goes on with `fallback`. */
export function recover<T>(doing: string, fallback: T): (error: unknown) => T {
  return (error) => {
    reportError(doing, error);
    return fallback;
  };
}

/**
 * Lets a promise run on with no one waiting for it, its failure reported as `doing`: the one way
 * this code base lets one go (ESLint refuses a promise left floating, or dropped with `void`).
 */
export function inBackground(doing: string, promise: Promise<unknown>): void {
  promise.catch((error: unknown) => reportError(doing, error));
}
