/**
 * Data a page draws in its first frame from the copy it kept in localStorage last time (see
 * `localCopy.ts`), then from the database, and again after each change it cares about: the
 * journal's entries, the archive's cards. Without a copy the page says it is loading rather than
 * drawing part of the data as if it were all of it.
 */
import { useEffect, useState } from 'preact/hooks';
import type * as v from 'valibot';
import { reportError } from '../errors';
import { onStoreChange, type StoreChange } from '../platform/storage/database';
import { afterNextPaint } from './afterNextPaint';
import { useLatest } from './useLatest';
import { keepLocalCopy, readLocalCopy } from './localCopy';

export type CopiedRead<T extends object> = { kind: 'loading' } | ({ kind: 'ready' } & T) | { kind: 'failed' };

export interface CopiedReadOptions<T extends object> {
  /** The copy's localStorage key, and the shape it must still have to be drawn. */
  key: string;
  schema: v.GenericSchema<unknown, T>;
  read: () => Promise<T>;
  /** What the read is, for the report of its failure. */
  doing: string;
  readAgainOn: (change: StoreChange) => boolean;
}

/**
 * `read`, begun as this is called (as the page's script runs, so that the database opens before
 * the first frame): its first call takes that read, the next ones read again.
 */
export function readBegunNow<T>(read: () => Promise<T>): () => Promise<T> {
  let begun: Promise<T> | null = read();
  return () => {
    const taken = begun ?? read();
    begun = null;
    return taken;
  };
}

export function useCopiedRead<T extends object>({ key, schema, read, doing, readAgainOn }: CopiedReadOptions<T>): CopiedRead<T> {
  const [data, setData] = useState<CopiedRead<T>>(() => {
    const copy = readLocalCopy(key, schema);
    return copy ? { kind: 'ready', ...copy } : { kind: 'loading' };
  });
  const latest = useLatest({ read, doing, readAgainOn });
  useEffect(() => {
    const { read, doing, readAgainOn } = latest.current;
    let open = true;
    const load = () => {
      read().then(
        (next) => {
          keepLocalCopy(key, next);
          // Drawn from the copy, the page is painted before the database's answer, however
          // quick, draws it again.
          afterNextPaint(() => open && setData({ kind: 'ready', ...next }));
        },
        (error: unknown) => {
          reportError(doing, error);
          if (open) setData({ kind: 'failed' });
        },
      );
    };
    load();
    const stop = onStoreChange((change) => readAgainOn(change) && load());
    return () => {
      open = false;
      stop();
    };
  }, [key, latest]);
  return data;
}
