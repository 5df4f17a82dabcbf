/**
 * The browser tests run against the extension as built: build both browsers' versions first.
 * Then Firefox is started once with the extension, and opens a page of the site and the toolbar
 * popup over it: its first start on a new machine (profile, caches, a cold disk) and its first
 * popup can take far longer than a test may, so they are waited for here, with a clear message
 * if they never come.
 */
import { resolve } from 'node:path';
import { build } from 'vite';
import { FIREFOX, firefoxPresent, launchFirefox } from './support/firefox';
import { LCC_262 } from './support/pages';

const FIREFOX_FIRST_START_MS = 240_000;

export default async function buildExtension(): Promise<void> {
  const root = resolve(import.meta.dirname, '../..');
  for (const mode of ['production', 'firefox']) {
    await build({ root, configFile: resolve(root, 'vite.config.ts'), mode, logLevel: 'warn' });
  }
  if (firefoxPresent) await startFirefoxOnce();
}

async function startFirefoxOnce(): Promise<void> {
  const started = Date.now();
  try {
    const session = await launchFirefox({ startTimeout: FIREFOX_FIRST_START_MS });
    try {
      await session.openSitePage(LCC_262);
      await session.openPopup();
    } finally {
      await session.close();
    }
  } catch (error) {
    throw new Error(`Firefox (${FIREFOX}) did not start with the extension within ${FIREFOX_FIRST_START_MS / 1000} s: ${String(error)}`);
  }
  const seconds = (Date.now() - started) / 1000;
  if (seconds > 10) console.log(`Firefox's first start took ${seconds.toFixed(1)} s`);
}
