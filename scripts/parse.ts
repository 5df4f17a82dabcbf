/**
 * `npm run --silent parse -- FILE.md…` and `npm run --silent parse -- --page FILE.html…`:
 * each Episode as one line of JSON on stdout, in argument order. A file that cannot be read or
 * is not a post gets a one-line reason on stderr, the others are still printed, and the exit
 * code is then 1.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseHTML } from 'linkedom';
import { parseMarkdownPost } from '../src/episode/markdown';
import type { Episode } from '../src/episode/model';
import { parsePostPage } from '../src/episode/page';
import { pageUrlOf, postAddressOfFile } from '../src/episode/urls';

function parsePageFile(html: string, path: string): Episode {
  const post = postAddressOfFile(basename(path));
  const document = parseHTML(html).document as unknown as Document;
  return parsePostPage(document, post ? pageUrlOf(post) : undefined);
}

async function main(args: string[]): Promise<number> {
  const pages = args[0] === '--page';
  const files = pages ? args.slice(1) : args;
  if (files.length === 0) {
    process.stderr.write('usage: npm run --silent parse -- [--page] FILE…\n');
    return 2;
  }
  let failed = false;
  for (const path of files) {
    try {
      const text = await readFile(path, 'utf8');
      const episode = pages ? parsePageFile(text, path) : parseMarkdownPost(text, basename(path));
      process.stdout.write(`${JSON.stringify(episode)}\n`);
    } catch (error) {
      failed = true;
      const reason = error instanceof Error ? error.message : String(error);
      process.stderr.write(`${path}: ${reason.split('\n')[0]}\n`);
    }
  }
  return failed ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
