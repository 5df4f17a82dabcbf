/**
 * `npm run --silent conferences -- FILE.md…`: each conference item of each post's "Conférences"
 * section as one line of JSON (`{ episodeId, name, url, startsOn, endsOn, city, country, online,
 * cfp }`, dates `YYYY-MM-DD` or null), in argument order. A file that cannot be read or is not a
 * post gets a one-line reason on stderr, the others are still printed, and the exit code is 1.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseMarkdownPost } from '../src/episode/markdown';

async function main(files: string[]): Promise<number> {
  if (files.length === 0) {
    process.stderr.write('usage: npm run --silent conferences -- FILE.md…\n');
    return 2;
  }
  let failed = false;
  for (const path of files) {
    try {
      const source = await readFile(path, 'utf8');
      const { id, conferences } = parseMarkdownPost(source, basename(path));
      for (const conference of conferences) process.stdout.write(`${JSON.stringify({ episodeId: id, ...conference })}\n`);
    } catch (error) {
      failed = true;
      const reason = error instanceof Error ? error.message : String(error);
      process.stderr.write(`${path}: ${reason.split('\n')[0]}\n`);
    }
  }
  return failed ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
