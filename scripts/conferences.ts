/**
 * `npm run --silent conferences -- FILE.md…`: each conference item of each post's "Conférences"
 * section as one line of JSON (`{ episodeId, name, url, startsOn, endsOn, city, country, online,
 * cfp }`, dates `YYYY-MM-DD` or null), in argument order; a bad file as `eachFile.ts` says.
 */
import { basename } from 'node:path';
import { parseMarkdownPost } from '../src/core/episode/markdown';
import { linesOfEachFile } from './eachFile';

process.exitCode = await linesOfEachFile(process.argv.slice(2), 'npm run --silent conferences -- FILE.md…', (text, path) => {
  const { id, conferences } = parseMarkdownPost(text, basename(path));
  return conferences.map((conference) => ({ episodeId: id, ...conference }));
});
