/**
 * This render's value, for an effect that runs once per key yet must call the latest callbacks:
 * a read passed inline is a new function at each render, and no reason to read again.
 */
import { useRef } from 'preact/hooks';

export function useLatest<T>(value: T): { readonly current: T } {
  const latest = useRef(value);
  latest.current = value;
  return latest;
}
