/**
 * What is derived from the archive, after a refresh stored it: the search index and the
 * citations ("aussi dans"). The catalogue does not wait for them. Only the episodes stored since
 * they were last derived are read and indexed; an index of an older layout, or none, is built
 * from the whole archive.
 */
import { citationsOf, citedBy } from '../../core/archive/citations';
import { buildSearchIndex, updateSearchIndex, type StoredSearchIndex } from '../../core/archive/search';
import type { ArchiveEpisode, CitedAddresses } from '../../core/records';
import {
  getArchivedEntries,
  getArchiveEpisodes,
  getCitedAddresses,
  getSearchIndex,
  readArchive,
  saveDerivedArchive,
} from '../storage/archive';

/** Past this share of the archive changed, building the index anew costs less than replacing in it. */
const REBUILD_SHARE = 0.5;

async function updated(
  stored: StoredSearchIndex | null,
  cited: CitedAddresses | null,
  underived: string[],
): Promise<{ search: StoredSearchIndex; cited: CitedAddresses } | null> {
  if (!stored || !cited || underived.length > stored.episodes.length * REBUILD_SHARE) return null;
  const changed = await getArchiveEpisodes(underived);
  const search = await updateSearchIndex(stored, changed);
  if (!search) return null;
  const next = { ...cited };
  for (const entry of changed) next[entry.url] = citedBy(entry.episode);
  return { search, cited: next };
}

function built(archive: ArchiveEpisode[]): { search: StoredSearchIndex; cited: CitedAddresses } {
  return {
    search: buildSearchIndex(archive),
    cited: Object.fromEntries(archive.map((entry) => [entry.url, citedBy(entry.episode)])),
  };
}

/** Derives what waits for it, if anything does. */
export async function deriveArchive(): Promise<void> {
  const entries = await getArchivedEntries();
  if (!entries || entries.underived.length === 0) return;
  const [stored, cited] = await Promise.all([getSearchIndex(), getCitedAddresses()]);
  const derived = (await updated(stored, cited, entries.underived)) ?? built((await readArchive()).records);
  await saveDerivedArchive({
    ...derived,
    citations: citationsOf(derived.cited, derived.search.episodes),
    derived: entries.underived,
  });
}
