/**
 * The browser tests' one set-up, as vitest fixtures: a suite runs where the corpus and its browser
 * are there (`inChromium`, `inFirefox`), and a test's `launch` starts the built extension in a
 * fresh profile, closed after the test whatever happened, however many it started.
 */
import { describe, test as base } from 'vitest';
import { corpusPresent } from '../../support/corpus';
import { chromiumPresent, launchExtension, type ExtensionSession } from './browser';
import { firefoxPresent, launchFirefox, type FirefoxSession } from './firefox';

/** A suite in Chromium on the corpus' pages: skipped, with one line said, where either is missing. */
export function inChromium(name: string, suite: () => void): void {
  describe.skipIf(!corpusPresent || !chromiumPresent)(name, suite);
}

/**
 * A suite in Firefox on the corpus' pages. Each test may take two minutes: on a new machine
 * Firefox's first journeys were seen to take over one (CI, with another job on its two cores).
 */
export function inFirefox(name: string, suite: () => void): void {
  describe.skipIf(!corpusPresent || !firefoxPresent)(name, { timeout: 120_000 }, suite);
}

/** Starts sessions with `start`, and closes each one the test left open. */
async function closingAfter<O, S extends { close(): Promise<void> }>(
  start: (options?: O) => Promise<S>,
  provide: (launch: (options?: O) => Promise<S>) => Promise<void>,
): Promise<void> {
  const open = new Set<S>();
  await provide(async (options) => {
    const session = await start(options);
    const close = session.close.bind(session);
    // A test may close a session itself (a browser restarted): it is not closed twice.
    session.close = async () => {
      if (open.delete(session)) await close();
    };
    open.add(session);
    return session;
  });
  for (const session of [...open]) await session.close();
}

export const it = base.extend<{
  launch: (options?: Parameters<typeof launchExtension>[0]) => Promise<ExtensionSession>;
  launchFirefox: (options?: Parameters<typeof launchFirefox>[0]) => Promise<FirefoxSession>;
}>({
  launch: async ({}, use) => closingAfter(launchExtension, use),
  launchFirefox: async ({}, use) => closingAfter(launchFirefox, use),
});
