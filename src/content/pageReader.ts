/**
 * Injected by the popup into an episode's tab, only when it has no copy of the episode (see
 * PAGE_READER): the page parser stays out of the content script that runs on every page.
 */
import { parsePostPage } from '../platform/html/page';
import { PAGE_READER, type PageReader } from '../messages';

const world = globalThis as unknown as Record<string, PageReader>;
let episode: ReturnType<PageReader> | undefined;
// A second opening of the popup injects it again: the page is parsed once.
world[PAGE_READER] ??= () => (episode ??= parsePostPage(document, location.href));
