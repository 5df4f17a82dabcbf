/** `conference extraction ms`: every conference of the corpus, bundled as shipped, in plain Node (see shipped.ts). */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CORPUS_DIR, corpusPresent, postFiles } from '../test/support/corpus';
import type { measureConferences } from './conferences';
import { runShipped } from './shipped';
import { median } from './timing';

export async function benchConferences(): Promise<string[]> {
  if (!corpusPresent) return ['conference figures skipped: needs the corpus'];
  const result = await runShipped<ReturnType<typeof measureConferences>>(
    fileURLToPath(new URL('./conferences.ts', import.meta.url)),
    'measureConferences',
    join(CORPUS_DIR, 'posts'),
    postFiles(),
  );
  return [
    `conferences of the corpus: ${result.items} items in ${postFiles().length} posts, ${result.merged} conferences once merged (median of 15)`,
    `conference extraction ms: ${median(result.times).toFixed(1)}`,
  ];
}
