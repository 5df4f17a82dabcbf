/**
 * For each link of the episode, the other episodes of the archive that cite it ("aussi dans"),
 * read once the popup has painted: nothing on the first frame waits for it.
 */
import type { CitingEpisode } from '../src/core/archive/citations';
import type { Episode } from '../src/core/episode/model';
import { getCitations } from '../src/platform/storage/archive';
import { useStoredRead } from '../src/ui/useStoredRead';

export type AlsoIn = ReadonlyMap<string, CitingEpisode[]>;

const NOWHERE: AlsoIn = new Map();

async function alsoInOf(episode: Episode): Promise<AlsoIn> {
  const citations = await getCitations([...new Set(episode.links.map((link) => link.url))]);
  return new Map(
    citations.flatMap(({ url, episodes }) => {
      const elsewhere = episodes.filter((citing) => citing.url !== episode.url);
      return elsewhere.length > 0 ? [[url, elsewhere] as const] : [];
    }),
  );
}

export function useAlsoIn(episode: Episode): AlsoIn {
  const alsoIn = useStoredRead(() => alsoInOf(episode), {
    doing: 'reading where the links are cited',
    key: episode,
    readAgainOn: (change) => change.archive === true,
  });
  return alsoIn ?? NOWHERE;
}
