/**
 * Data a view reads from the store once it has painted (what fills it in must not hold its first
 * paint back), read again after each change it cares about, from this context or another.
 * Undefined until the first read answers; a failed read is reported and leaves what was shown.
 */
import { useEffect, useState } from 'preact/hooks';
import { reportError } from '../errors';
import { onStoreChange, type StoreChange } from '../storage/store';
import { afterNextPaint } from './afterNextPaint';

export interface StoredReadOptions {
  /** What the read is, for the report of its failure. */
  doing: string;
  /** What the read depends on: another value (by identity) reads again. */
  key?: unknown;
  readAgainOn?: (change: StoreChange) => boolean;
}

export function useStoredRead<T>(read: () => Promise<T>, { doing, key, readAgainOn }: StoredReadOptions): T | undefined {
  const [data, setData] = useState<T | undefined>(undefined);
  useEffect(() => {
    let open = true;
    const load = () =>
      void read().then(
        (next) => open && setData(() => next),
        (error: unknown) => reportError(doing, error),
      );
    const cancel = afterNextPaint(load);
    const stop = readAgainOn ? onStoreChange((change) => readAgainOn(change) && load()) : () => undefined;
    return () => {
      open = false;
      cancel();
      stop();
    };
  }, [key]);
  return data;
}
