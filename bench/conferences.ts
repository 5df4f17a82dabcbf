/** The extraction of every conference of the corpus from its posts' sources, as shipped, in plain Node. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { conferencesOfMarkdown, mergeConferences } from '../src/conferences/conference';
import { timeMs } from './timing';

export function measureConferences(postsDir: string, files: string[]): { items: number; merged: number; times: number[] } {
  const sources = files.map((file) => readFileSync(join(postsDir, file), 'utf8'));
  let items = 0;
  let merged = 0;
  const times = Array.from({ length: 15 }, () =>
    timeMs(() => {
      const lists = sources.map((source, index) => conferencesOfMarkdown(source, files[index]!));
      items = lists.reduce((sum, list) => sum + list.length, 0);
      merged = mergeConferences(lists.reverse()).length;
    }),
  );
  return { items, merged, times };
}
