/** The links of the episode opened from the popup, and a way to remember one before opening it. */
import { recover } from '../src/errors';
import { markOpened, openedLinksOf } from '../src/platform/storage/reading';
import { useStoredRead } from '../src/ui/useStoredRead';

const NONE: ReadonlySet<string> = new Set();

export function useOpenedLinks(episodeId: string): { opened: ReadonlySet<string>; remember: (url: string) => Promise<void> } {
  const opened = useStoredRead(() => openedLinksOf(episodeId), {
    doing: 'reading the links opened',
    key: episodeId,
    readAgainOn: (change) => change.reading === true,
  });
  const remember = (url: string) => markOpened(episodeId, url).catch(recover('remembering a link opened', undefined));
  return { opened: opened ?? NONE, remember };
}
