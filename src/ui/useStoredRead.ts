/**
 * Data a view reads from the store once it has painted (what fills it in must not hold its first
 * paint back), read again after each change it cares about, from this context or another.
 * Undefined until the first read answers; a failed read is reported and leaves what was shown.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { reportError } from '../errors';
import { onStoreChange, type StoreChange } from '../platform/storage/database';
import { afterNextPaint } from './afterNextPaint';
import { useLatest } from './useLatest';

export interface StoredReadOptions {
  /** What the read is, for the report of its failure. */
  doing: string;
  /** What the read depends on: another value (by identity) reads again. */
  key?: unknown;
  readAgainOn?: (change: StoreChange) => boolean;
}

/** No value read before the view was drawn. */
const NOTHING_READ = Symbol('nothing read');

/**
 * `readBefore`: the value as read before the view's first frame, which it then shows; it is read
 * again only after a change it cares about (or for another key), not once more after that frame.
 */
export function useStoredRead<T>(
  read: () => Promise<T>,
  { doing, key, readAgainOn }: StoredReadOptions,
  readBefore?: Exclude<T, undefined>,
): T | undefined {
  const [data, setData] = useState<T | undefined>(readBefore);
  const readBeforeFor = useRef<unknown>(readBefore === undefined ? NOTHING_READ : key);
  const latest = useLatest({ read, doing, readAgainOn });
  useEffect(() => {
    const { read, doing, readAgainOn } = latest.current;
    const alreadyRead = readBeforeFor.current === key;
    readBeforeFor.current = NOTHING_READ;
    let open = true;
    const load = () => {
      read().then(
        (next) => open && setData(() => next),
        (error: unknown) => reportError(doing, error),
      );
    };
    const cancel = alreadyRead ? () => undefined : afterNextPaint(load);
    const stop = readAgainOn ? onStoreChange((change) => readAgainOn(change) && load()) : () => undefined;
    return () => {
      open = false;
      cancel();
      stop();
    };
  }, [key, latest]);
  return data;
}
