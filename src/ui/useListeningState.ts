/** One episode's listening state, kept in step with every other context through the store. */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Episode } from '../core/episode/model';
import type { ListeningState } from '../core/records';
import { changesEpisode, onStoreChange } from '../platform/storage/database';
import { getListeningState, updateListeningState } from '../platform/storage/listening';
import type { MessageKey } from './i18n';
import { storageFailureMessage } from './storageFailure';

/**
 * `stored`: the episode's state as read before the first frame (undefined: none stored), which it
 * shows; it is read again after a change of it, or for another episode.
 */
export function useListeningState(episode: Episode, stored: ListeningState | undefined) {
  const [state, setState] = useState<ListeningState | undefined>(stored);
  const [failure, setFailure] = useState<MessageKey | null>(null);
  const storedFor = useRef<string | null>(episode.id);

  useEffect(() => {
    let open = true;
    const reload = () => {
      getListeningState(episode.id)
        .then((next) => open && setState(next))
        .catch((error: unknown) => open && setFailure(storageFailureMessage(error)));
    };
    if (storedFor.current !== episode.id) reload();
    storedFor.current = null;
    const stop = onStoreChange((change) => changesEpisode(change, episode.id) && reload());
    return () => {
      open = false;
      stop();
    };
  }, [episode.id]);

  /** Changes the state; a failure is shown (`failure`), and the state stays as stored. */
  const update = useCallback(
    (change: (current: ListeningState) => Partial<ListeningState>): void => {
      updateListeningState(episode, change).then(
        (next) => {
          setState(next);
          setFailure(null);
        },
        (error: unknown) => setFailure(storageFailureMessage(error)),
      );
    },
    [episode],
  );
  return { state, update, failure };
}

/** One episode's state, how to change it, and the last change's failure, for the views that share them. */
export type ListeningHandle = ReturnType<typeof useListeningState>;
