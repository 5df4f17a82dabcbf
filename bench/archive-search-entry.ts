/**
 * The archive search timing, bundled as the extension ships it and run in a plain Node process
 * (see shipped.ts): the corpus feed into episodes, the index built and stored as JSON, then loaded
 * as the journal loads it, and fifty fixed queries (words, prefixes, hosts and addresses), grouped
 * by episode as the journal shows them.
 */
import { readFileSync } from 'node:fs';
import { DOMParser } from 'linkedom';
import { parseFeedEntries, type DocumentParser } from '../src/platform/html/feed';
import { buildSearchIndex, loadSearchIndex } from '../src/core/archive/search';
import { timeMs } from './timing';

export const QUERIES = [
  'graal',
  'graalvm native',
  'quarkus',
  'kotlin',
  'kotlin coroutines',
  'java 21',
  'jdk',
  'loom',
  'virtual threads',
  'panama',
  'spring boot',
  'micronaut',
  'kubernetes',
  'docker',
  'podman',
  'wasm',
  'webassembly',
  'rust',
  'golang',
  'typescript',
  'react',
  'angular',
  'vue',
  'htmx',
  'ia',
  'llm',
  'chatgpt',
  'copilot',
  'mcp',
  'langchain4j',
  'sécurité',
  'log4shell',
  'cve',
  'devoxx',
  'conférence',
  'expérience',
  'open source',
  'licence',
  'postgres',
  'kafka',
  'github.com',
  'github.com/oracle/graal',
  'openjdk.org',
  'infoq.com',
  'foojay',
  'martinfowler.com',
  'youtube',
  'medium.com',
  'xyzzy',
  'e',
];

export interface ArchiveSearchTimings {
  episodes: number;
  times: number[];
  /** The stored index's JSON, as the archive keeps it. */
  indexBytes: number;
}

export function measureArchiveSearch(feedPath: string): ArchiveSearchTimings {
  const entries = parseFeedEntries(readFileSync(feedPath, 'utf8'), new DOMParser() as unknown as DocumentParser);
  const stored = JSON.stringify(buildSearchIndex(entries));
  const search = loadSearchIndex(JSON.parse(stored));
  const times = Array.from({ length: 5 }, () => QUERIES.map((query) => timeMs(() => search.searchByEpisode(query)))).flat();
  return { episodes: entries.length, times, indexBytes: new TextEncoder().encode(stored).length };
}
