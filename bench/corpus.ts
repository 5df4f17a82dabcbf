/** Parser speed on the real corpus, against the bare `marked` lexer on the same text (the floor). */
import { fileURLToPath } from 'node:url';
import { CORPUS_DIR, corpusPresent } from '../test/support/corpus';
import type { ParserTimings } from './parsers-entry';
import { runShipped } from './shipped';
import { median } from './timing';

const ROUNDS = 25;

export async function benchParsers(): Promise<{ lines: string[]; ratio: number | null }> {
  if (!corpusPresent) return { lines: ['corpus absent: parser figures skipped'], ratio: null };
  const timings = await runShipped<ParserTimings>(
    fileURLToPath(new URL('./parsers-entry.ts', import.meta.url)),
    'measureParsers',
    CORPUS_DIR,
    ROUNDS,
  );
  // The median of each round's ratio: a slow stretch of the machine hits both halves of a round.
  const ratio = median(timings.parser.map((parser, round) => parser / timings.lexer[round]!));
  return {
    ratio,
    lines: [
      `corpus: ${timings.posts} posts, ${(timings.bytes / 1024 / 1024).toFixed(2)} MB of markdown, ${ROUNDS} rounds, code bundled as shipped, plain Node`,
      `marked.lexer, whole corpus: ${median(timings.lexer).toFixed(1)} ms (median)`,
      `markdown parser, whole corpus: ${median(timings.parser).toFixed(1)} ms (median)`,
      `page parser, whole corpus (linkedom DOM, parse of the HTML excluded): ${median(timings.pages).toFixed(1)} ms (median)`,
    ],
  };
}
