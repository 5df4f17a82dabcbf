import browser from 'webextension-polyfill';
import { isHttpUrl } from '../src/episode/urls';

/** Opens an http(s) address in a new tab: in front, or behind with Ctrl/⌘ or a middle click. */
export function openLink(event: MouseEvent | KeyboardEvent, url: string): void {
  event.preventDefault();
  if (!isHttpUrl(url)) return;
  const behind = event.ctrlKey || event.metaKey || ('button' in event && event.button === 1);
  void browser.tabs.create({ url, active: !behind });
}
