/** Parser speed on the real corpus, against the bare `marked` lexer on the same text (the floor). */
import { fileURLToPath } from 'node:url';
import { corpusPresent, documentOf, pageFileOf, postFiles, readPage, readPost } from '../test/support/corpus';
import { importShipped } from './shipped';
import { median, timeMs } from './timing';

type Parsers = typeof import('./parsers-entry');

const ROUNDS = 25;

export async function benchParsers(): Promise<{ lines: string[]; ratio: number | null }> {
  if (!corpusPresent) return { lines: ['corpus absent: parser figures skipped'], ratio: null };
  const { Lexer, parseMarkdownPost, parsePostPage } = await importShipped<Parsers>(
    fileURLToPath(new URL('./parsers-entry.ts', import.meta.url)),
  );
  const posts = postFiles().map((file) => ({ file, source: readPost(file) }));
  const bytes = posts.reduce((sum, post) => sum + post.source.length, 0);
  const lexAll = () => posts.forEach((post) => Lexer.lex(post.source, { gfm: true }));
  const parseAll = () => posts.forEach((post) => parseMarkdownPost(post.source, post.file));
  for (let warmup = 0; warmup < 3; warmup += 1) (lexAll(), parseAll());

  const lexer: number[] = [];
  const parser: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    lexer.push(timeMs(lexAll));
    parser.push(timeMs(parseAll));
  }
  const documents = posts.map((post) => documentOf(readPage(pageFileOf(post.file))));
  const pages = Array.from({ length: 5 }, () => timeMs(() => documents.forEach((document) => parsePostPage(document))));

  const ratio = median(parser) / median(lexer);
  return {
    ratio,
    lines: [
      `corpus: ${posts.length} posts, ${(bytes / 1024 / 1024).toFixed(2)} MB of markdown, ${ROUNDS} rounds, code bundled as shipped`,
      `marked.lexer, whole corpus: ${median(lexer).toFixed(1)} ms (median)`,
      `markdown parser, whole corpus: ${median(parser).toFixed(1)} ms (median)`,
      `page parser, whole corpus (linkedom DOM, parse of the HTML excluded): ${median(pages).toFixed(1)} ms (median)`,
    ],
  };
}
