/**
 * Runs on every page of lescastcodeurs.com, so it stays tiny and does as little as it can: on a
 * post page it reads only which episode this is (for the badge and the source refresh), and
 * scrolls to a section when the popup asks; the notes' parser is injected only when the popup
 * needs it (pageReader.ts). Anywhere else it does nothing (the browser clears a tab's badge when
 * it navigates).
 */
import { identifyPostPage, type EpisodeIdentity } from '../platform/html/page';
import { isPostPageUrl } from '../core/episode/urls';
import { isContentRequest, sendToBackground, type ContentAnswer, type ContentRequest, type MessageRuntime } from '../messages';
import { recover } from '../errors';

interface ContentRuntime extends MessageRuntime {
  onMessage: {
    addListener(listener: (message: unknown, sender: unknown, respond: (answer: unknown) => void) => void): void;
  };
}

// The promise-based `browser` in Firefox, `chrome` in Chromium: the polyfill would triple the size.
const extensionGlobal = globalThis as unknown as { browser?: { runtime: ContentRuntime }; chrome: { runtime: ContentRuntime } };
const runtime = (extensionGlobal.browser ?? extensionGlobal.chrome).runtime;

function identify(): EpisodeIdentity | null {
  if (!isPostPageUrl(location.href)) return null;
  try {
    return identifyPostPage(document, location.href);
  } catch {
    return null;
  }
}

function answer(request: ContentRequest, identity: EpisodeIdentity): ContentAnswer<typeof request> {
  switch (request.type) {
    case 'page/identify':
      return identity;
    case 'page/scroll-to': {
      const heading = document.getElementById(request.sectionId);
      heading?.scrollIntoView({ behavior: 'smooth', block: 'start' });
      return heading !== null;
    }
  }
}

const identity = identify();
if (identity) {
  sendToBackground(runtime, { type: 'page/opened', episode: identity }).catch(recover('telling the background of this page', undefined));
  runtime.onMessage.addListener((message, _sender, respond) => {
    if (isContentRequest(message)) respond(answer(message, identity));
  });
}
