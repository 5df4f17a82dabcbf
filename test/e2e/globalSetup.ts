/**
 * The browser tests run against the extension as built: build both browsers' versions first.
 * Then Firefox is started once with the extension: its first start on a new machine (profile,
 * caches, a cold disk) can take far longer than a test may, so it is waited for here, with a
 * clear message if it never comes.
 */
import { resolve } from 'node:path';
import { build } from 'vite';
import { FIREFOX, firefoxPresent, launchFirefox } from './support/firefox';

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
    await session.close();
  } catch (error) {
    throw new Error(`Firefox (${FIREFOX}) did not start with the extension within ${FIREFOX_FIRST_START_MS / 1000} s: ${String(error)}`);
  }
  const seconds = (Date.now() - started) / 1000;
  if (seconds > 10) console.log(`Firefox's first start took ${seconds.toFixed(1)} s`);
}
