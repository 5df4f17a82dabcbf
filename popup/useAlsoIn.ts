/**
 * For each link of the episode, the other episodes of the archive that cite it ("aussi dans"),
 * read once the popup has painted: nothing on the first frame waits for it.
 */
import { useEffect, useState } from 'preact/hooks';
import type { CitingEpisode } from '../src/archive/citations';
import type { Episode } from '../src/episode/model';
import { recover } from '../src/errors';
import { getCitations } from '../src/storage/archive';
import { afterNextPaint } from '../src/ui/afterNextPaint';

export type AlsoIn = ReadonlyMap<string, CitingEpisode[]>;

export function useAlsoIn(episode: Episode): AlsoIn {
  const [alsoIn, setAlsoIn] = useState<AlsoIn>(new Map());
  useEffect(() => {
    let open = true;
    const cancel = afterNextPaint(
      () =>
        void getCitations([...new Set(episode.links.map((link) => link.url))])
          .then((citations) => {
            const others = citations.flatMap(({ url, episodes }) => {
              const elsewhere = episodes.filter((citing) => citing.url !== episode.url);
              return elsewhere.length > 0 ? [[url, elsewhere] as const] : [];
            });
            if (open) setAlsoIn(new Map(others));
          })
          .catch(recover('reading where the links are cited', undefined)),
    );
    return () => {
      open = false;
      cancel();
    };
  }, [episode]);
  return alsoIn;
}
