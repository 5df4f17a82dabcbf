/**
 * The parser benchmark's measurements, bundled as the extension ships them and run in a plain
 * Node process (see shipped.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { Lexer } from 'marked';
import { parseMarkdownPost } from '../src/core/episode/markdown';
import { parsePostPage } from '../src/platform/html/page';
import { timeMs } from './timing';

export interface ParserTimings {
  posts: number;
  bytes: number;
  lexer: number[];
  parser: number[];
  pages: number[];
}

export function measureParsers(corpusDir: string, rounds: number): ParserTimings {
  const posts = readdirSync(join(corpusDir, 'posts'))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((file) => ({ file, source: readFileSync(join(corpusDir, 'posts', file), 'utf8') }));
  const lexAll = () => posts.forEach((post) => Lexer.lex(post.source, { gfm: true }));
  const parseAll = () => posts.forEach((post) => parseMarkdownPost(post.source, post.file));
  for (let warmup = 0; warmup < 3; warmup += 1) {
    lexAll();
    parseAll();
  }
  const lexer: number[] = [];
  const parser: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    lexer.push(timeMs(lexAll));
    parser.push(timeMs(parseAll));
  }
  const documents = posts.map(
    (post) => parseHTML(readFileSync(join(corpusDir, 'pages', post.file.replace(/\.md$/, '.html')), 'utf8')).document,
  );
  const pages = Array.from({ length: 5 }, () => timeMs(() => documents.forEach((document) => parsePostPage(document))));
  return { posts: posts.length, bytes: posts.reduce((sum, post) => sum + post.source.length, 0), lexer, parser, pages };
}
