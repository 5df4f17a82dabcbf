/** Tells the background of every write this page makes, waking it if it sleeps (badges follow). */
import browser from 'webextension-polyfill';
import { sendToBackground } from '../messages';
import { onLocalWrite } from '../platform/storage/database';
import { recover } from '../errors';

export function relayWritesToBackground(): void {
  onLocalWrite((change) => {
    sendToBackground(browser.runtime, { type: 'store/changed', change }).catch(recover('telling the background of a write', undefined));
  });
}
