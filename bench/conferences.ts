/** The extraction of every conference of the corpus from its posts' sources, as shipped, in plain Node. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { conferencesOfLines, mergeConferences } from '../src/core/conferences/conference';
import { conferenceLinesOfMarkdown } from '../src/core/conferences/markdownLines';
import { timeMs } from './timing';

export function measureConferences(postsDir: string, files: string[]): { items: number; merged: number; times: number[] } {
  const sources = files.map((file) => readFileSync(join(postsDir, file), 'utf8'));
  let items = 0;
  let merged = 0;
  const times = Array.from({ length: 15 }, () =>
    timeMs(() => {
      const episodes = sources.map((source, index) => ({
        id: files[index]!,
        conferences: conferencesOfLines(conferenceLinesOfMarkdown(source)),
      }));
      items = episodes.reduce((sum, episode) => sum + episode.conferences.length, 0);
      merged = mergeConferences(episodes.reverse()).length;
    }),
  );
  return { items, merged, times };
}
