/**
 * Runs on every page of lescastcodeurs.com, so it stays tiny: on a post page it parses the page
 * once, tells the background (badge, source refresh) and answers the popup; anywhere else it
 * does nothing (the browser clears a tab's badge when it navigates).
 */
import type { Episode } from '../episode/model';
import { parsePostPage } from '../episode/page';
import { isPostPageUrl } from '../episode/urls';
import { isContentRequest, sendToBackground, type ContentAnswer, type ContentRequest, type MessageRuntime } from '../messages';

interface ContentRuntime extends MessageRuntime {
  onMessage: {
    addListener(listener: (message: unknown, sender: unknown, respond: (answer: unknown) => void) => void): void;
  };
}

// The promise-based `browser` in Firefox, `chrome` in Chromium: the polyfill would triple the size.
const extensionGlobal = globalThis as unknown as { browser?: { runtime: ContentRuntime }; chrome: { runtime: ContentRuntime } };
const runtime = (extensionGlobal.browser ?? extensionGlobal.chrome).runtime;

function readEpisode(): Episode | null {
  if (!isPostPageUrl(location.href) || !document.querySelector('article.post')) return null;
  try {
    return parsePostPage(document, location.href);
  } catch {
    return null;
  }
}

function answer(request: ContentRequest, episode: Episode): ContentAnswer<typeof request> {
  if (request.type === 'page/get-episode') return episode;
  const heading = document.getElementById(request.sectionId);
  heading?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  return heading !== null;
}

const episode = readEpisode();
if (episode) {
  void sendToBackground(runtime, { type: 'page/episode', episode }).catch(() => undefined);
  runtime.onMessage.addListener((message, _sender, respond) => {
    if (isContentRequest(message)) respond(answer(message, episode));
  });
}
