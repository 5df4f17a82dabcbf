/** A module loaded only when a view needs it, so that the first paint parses less script. */
import { useEffect, useState } from 'preact/hooks';
import { reportError } from '../errors';

/** Where the load stands: a view says when it failed and offers to try again, rather than wait forever. */
export type LazyModule<T> = { kind: 'loading' } | { kind: 'ready'; module: T } | { kind: 'failed'; retry: () => void };

/** `load` is called again when it changes: pass one made once (a module's constant), not one made at each render. */
export function useLazyModule<T>(load: () => Promise<T>): LazyModule<T> {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<LazyModule<T>>({ kind: 'loading' });
  useEffect(() => {
    let open = true;
    setState({ kind: 'loading' });
    load().then(
      (module) => open && setState({ kind: 'ready', module }),
      (error: unknown) => {
        reportError('loading a part of the page', error);
        if (open) setState({ kind: 'failed', retry: () => setAttempt((count) => count + 1) });
      },
    );
    return () => {
      open = false;
    };
  }, [load, attempt]);
  return state;
}
