/**
 * The journal benchmark's search timing, bundled as the extension ships it and run in a plain
 * Node process (see shipped.ts).
 */
import { readFileSync } from 'node:fs';
import { buildSearchIndex, search } from '../src/journal/search';
import { readExportFile } from '../src/storage/exportFile';
import { timeMs } from './timing';

export interface SearchTimings {
  entries: number;
  times: number[];
}

const QUERIES = ['graalvm', 'kotlin coroutines', 'cloud souverain', 'é', 'quarkus native', 'xyzzy'];

export function measureSearch(exportPath: string): SearchTimings {
  const index = buildSearchIndex(readExportFile(readFileSync(exportPath, 'utf8')).episodes);
  return { entries: index.length, times: QUERIES.flatMap((query) => Array.from({ length: 5 }, () => timeMs(() => search(index, query)))) };
}
