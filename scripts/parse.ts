/**
 * `npm run --silent parse -- FILE.md…` and `npm run --silent parse -- --page FILE.html…`:
 * each Episode as one line of JSON on stdout, in argument order. A file that cannot be read or
 * is not a post gets a one-line reason on stderr, the others are still printed, and the exit
 * code is then 1.
 */
import { basename } from 'node:path';
import { parseHTML } from 'linkedom';
import { parseMarkdownPost } from '../src/core/episode/markdown';
import type { Episode } from '../src/core/episode/model';
import { parsePostPage } from '../src/platform/html/page';
import { pageUrlOf, postAddressOfFile } from '../src/core/episode/urls';
import { linesOfEachFile } from './eachFile';

function parsePageFile(html: string, path: string): Episode {
  const post = postAddressOfFile(basename(path));
  const document = parseHTML(html).document;
  return parsePostPage(document, post ? pageUrlOf(post) : undefined);
}

const pages = process.argv[2] === '--page';
process.exitCode = await linesOfEachFile(process.argv.slice(pages ? 3 : 2), 'npm run --silent parse -- [--page] FILE…', (text, path) => [
  pages ? parsePageFile(text, path) : parseMarkdownPost(text, basename(path)),
]);
