/** Who may send what to the background (issue 24, 4): a content script says which episode its page is, nothing else. */
import { describe, expect, it } from 'vitest';
import { mayRequest, senderOf, type BackgroundRequest } from '../src/messages';

const ORIGIN = 'chrome-extension://abcdefghijklmnop/';
const PAGE = 'https://lescastcodeurs.com/2021/09/02/lcc-262-interview/';
const opened = (episode: object) => ({ type: 'page/opened', episode }) as BackgroundRequest;

describe('the senders of messages', () => {
  it("tells the extension's own pages from a content script by the sender's address", () => {
    const tab = { id: 7 };
    expect(senderOf({ url: `${ORIGIN}popup/index.html` }, ORIGIN)).toBe('extension');
    expect(senderOf({ url: `${ORIGIN}offscreen/index.html` }, ORIGIN)).toBe('extension');
    // Chrome's service worker has no address as a sender.
    expect(senderOf({}, ORIGIN)).toBe('extension');
    expect(senderOf({ url: `${ORIGIN}options/index.html#episodes`, tab }, ORIGIN)).toBe('extension');
    expect(senderOf({ url: PAGE, tab }, ORIGIN)).toBe('content-script');
    expect(senderOf({ url: 'chrome-extension://another-extension/x.html', tab }, ORIGIN)).toBe('content-script');
    expect(senderOf({ tab }, ORIGIN)).toBe('content-script');
  });

  it("takes a content script's word for which episode its page is, in the page's own shape", () => {
    expect(mayRequest(opened({ id: 'lcc-262', number: 262, url: PAGE }), 'content-script')).toBe(true);
    expect(
      mayRequest(
        opened({
          id: 'les-cast-codeurs-ont-un-logo',
          number: null,
          url: 'https://lescastcodeurs.com/2009/05/03/les-cast-codeurs-ont-un-logo/',
        }),
        'content-script',
      ),
    ).toBe(true);
  });

  // Its number is not checked against its address: a real post's address says 220 where it is
  // LCC 218 (2019-12-03), and the page is what the popup shows.
  it.each([
    ['a badge text of its own', { id: 'lcc-262', number: 'PWN', url: PAGE }],
    ['an id that is not its number', { id: 'lcc-1', number: 262, url: PAGE }],
    ['an address that is not a post', { id: 'lcc-262', number: 262, url: 'https://evil.example/2021/09/02/lcc-262-interview/' }],
    ['no episode at all', null],
  ])('refuses a page that claims %s', (_, episode) => {
    expect(mayRequest(opened(episode as object), 'content-script')).toBe(false);
  });

  it.each([
    { type: 'player/command', command: { kind: 'play', playable: { audioUrl: 'http://192.168.1.1/x.mp3' } } },
    { type: 'archive/refresh', force: true },
    { type: 'store/changed', change: { episodeIds: 'all' } },
    { type: 'episode/revalidate', url: PAGE },
  ])('refuses $type from a content script, takes it from the extension', (request) => {
    expect(mayRequest(request as BackgroundRequest, 'content-script')).toBe(false);
    expect(mayRequest(request as BackgroundRequest, 'extension')).toBe(true);
  });
});
