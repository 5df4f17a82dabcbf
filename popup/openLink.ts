import browser from 'webextension-polyfill';
import { isHttpUrl } from '../src/core/episode/urls';
import { inBackground } from '../src/errors';
import { currentSettings } from '../src/ui/preferences';

/**
 * Opens an http(s) address in a new tab, in front or behind as the settings say; Ctrl/⌘ or a
 * middle click does the other. `first` (remembering the link as opened) is written before: a
 * tab opened in front closes the popup.
 */
export function openLink(event: MouseEvent | KeyboardEvent, url: string, first: Promise<unknown> = Promise.resolve()): void {
  event.preventDefault();
  if (!isHttpUrl(url)) return;
  const modified = event.ctrlKey || event.metaKey || ('button' in event && event.button === 1);
  const behind = (currentSettings().openLinksIn === 'background') !== modified;
  inBackground(
    'opening a link',
    first.then(() => browser.tabs.create({ url, active: !behind })),
  );
}

/** Opens the journal ("Mon journal") and closes the popup, as leaving it would. */
export function openJournal(): void {
  inBackground(
    'opening the journal',
    browser.runtime.openOptionsPage().then(() => window.close()),
  );
}
