/** Says once per run, before any test, which tests will be skipped for want of what. */
import { CHROMIUM, chromiumPresent } from '../e2e/support/browser';
import { FIREFOX, firefoxPresent } from '../e2e/support/firefox';
import { CORPUS_DIR, corpusPresent } from './corpus';

export default function announceSkips(): void {
  if (!corpusPresent) console.log(`corpus not found at ${CORPUS_DIR}: the tests on the real corpus are skipped`);
  if (!chromiumPresent) console.log(`no Chromium at ${CHROMIUM}: the browser tests are skipped (scripts/setup.sh installs it)`);
  if (!firefoxPresent) console.log(`no Firefox at ${FIREFOX}: the tests in Firefox are skipped (scripts/setup.sh installs it)`);
}
