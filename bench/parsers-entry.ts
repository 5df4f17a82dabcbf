/** What the parser benchmark loads, bundled as it ships (see shipped.ts). */
export { Lexer } from 'marked';
export { parseMarkdownPost } from '../src/episode/markdown';
export { parsePostPage } from '../src/episode/page';
