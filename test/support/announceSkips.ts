/**
 * Says once per run, before any test, which tests will be skipped for want of what. On CI
 * (`CI=true`) nothing may be missing: the run fails here instead of skipping.
 */
import { CHROMIUM, chromiumPresent } from '../e2e/support/browser';
import { FIREFOX, firefoxPresent } from '../e2e/support/firefox';
import { CORPUS_DIR, corpusPresent } from './corpus';
import { OPODSYNC_DIR, opodsyncPresent } from './opodsync';

export default function announceSkips(): void {
  const missing: [missing: string, skipped: string][] = [];
  if (!corpusPresent) missing.push([`corpus not found at ${CORPUS_DIR}`, 'the tests on the real corpus are skipped']);
  if (!opodsyncPresent)
    missing.push([
      `no gPodder server (php with sqlite3, ${OPODSYNC_DIR})`,
      'the tests against a sync server are skipped (scripts/setup.sh installs php)',
    ]);
  if (!chromiumPresent) missing.push([`no Chromium at ${CHROMIUM}`, 'the browser tests are skipped (scripts/setup.sh installs it)']);
  if (!firefoxPresent) missing.push([`no Firefox at ${FIREFOX}`, 'the tests in Firefox are skipped (scripts/setup.sh installs it)']);
  if (missing.length > 0 && process.env['CI'] === 'true') {
    throw new Error(`CI runs every test, and these are missing: ${missing.map(([what]) => what).join('; ')}`);
  }
  for (const [what, skipped] of missing) console.log(`${what}: ${skipped}`);
}
