/** The journal and the popup ask for a sync with the podcast apps when they open, once painted: the run never holds their first frame. */
import browser from 'webextension-polyfill';
import { recover } from '../errors';
import { sendToBackground } from '../messages';
import { afterNextPaint } from './afterNextPaint';

export function syncWithAppsAfterPaint(): () => void {
  return afterNextPaint(
    () =>
      void sendToBackground(browser.runtime, { type: 'gpodder/sync', trigger: 'auto' }).catch(
        recover('syncing with the podcast apps', null),
      ),
  );
}
