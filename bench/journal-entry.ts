/** What the journal benchmark loads, bundled as it ships (see shipped.ts). */
export { parseMarkdownPost } from '../src/episode/markdown';
export { buildSearchIndex, search } from '../src/journal/search';
