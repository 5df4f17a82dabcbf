/** The links of the episode opened from the popup, and a way to remember one before opening it. */
import { useEffect, useState } from 'preact/hooks';
import { recover } from '../src/errors';
import { markOpened, openedLinksOf } from '../src/storage/reading';
import { afterNextPaint } from '../src/ui/afterNextPaint';

export function useOpenedLinks(episodeId: string): { opened: ReadonlySet<string>; remember: (url: string) => Promise<void> } {
  const [opened, setOpened] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => {
    let open = true;
    const cancel = afterNextPaint(
      () =>
        void openedLinksOf(episodeId)
          .then((urls) => open && setOpened(urls))
          .catch(recover('reading the links opened', undefined)),
    );
    return () => {
      open = false;
      cancel();
    };
  }, [episodeId]);
  const remember = (url: string) => {
    setOpened((current) => new Set(current).add(url));
    return markOpened(episodeId, url).catch(recover('remembering a link opened', undefined));
  };
  return { opened, remember };
}
