/**
 * What the header's search field holds, shared with the search view that shows its results: one
 * field, always in the header, the results under it. The query also rides in the address
 * (`#search?q=graal`), so that a search can be linked to and survives a reload.
 */
import { useEffect, useState } from 'preact/hooks';

const listeners = new Set<(query: string) => void>();
const queryOfAddress = () => new URLSearchParams(location.hash.split('?')[1] ?? '').get('q') ?? '';
let current = queryOfAddress();

/*
 * An address typed or followed in the open journal (`#search?q=quarkus`) is a search too; going to
 * another view empties the field, which would otherwise name a search no longer shown (Back
 * brings it again, with its results).
 */
addEventListener('hashchange', () => {
  const query = location.hash.startsWith('#search') ? queryOfAddress() : '';
  if (query === current) return;
  current = query;
  for (const listener of listeners) listener(current);
});

export function searchQuery(): string {
  return current;
}

export function setSearchQuery(query: string): void {
  current = query;
  const address = `#search${query ? `?q=${encodeURIComponent(query)}` : ''}`;
  // Typing stays one entry of the history; the first letter typed elsewhere goes to the results.
  if (location.hash.startsWith('#search')) history.replaceState(null, '', address);
  else location.hash = address;
  for (const listener of listeners) listener(query);
}

export function useSearchQuery(): string {
  const [query, setQuery] = useState(current);
  useEffect(() => {
    listeners.add(setQuery);
    setQuery(current);
    return () => void listeners.delete(setQuery);
  }, []);
  return query;
}

/** The links of the results the arrow keys go through, from the field down. */
export const RESULT_LINKS = '.hits .episode-name, .hits .passages > li > a';
