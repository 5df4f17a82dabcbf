/**
 * Search across the notes: the whole archive's index when the archive is there (built once per
 * update, only loaded here), else an index of the episodes kept from page visits.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { buildSearchIndex, loadSearchIndex, type ArchiveHit, type ArchiveSearch } from '../../src/core/archive/search';
import { reportError } from '../../src/errors';
import { getSearchIndex } from '../../src/platform/storage/archive';
import { listCachedEpisodes } from '../../src/platform/storage/episodeCopies';
import { episodeName } from '../../src/ui/episodeName';
import { t } from '../../src/ui/i18n';
import { episodeId } from '../../src/core/episode/model';
import { postAddressOfPage } from '../../src/core/episode/urls';
import { useReadLater } from '../../src/ui/useReadLater';
import { UnreadableRecords } from '../UnreadableRecords';

const KIND_LABELS = { episode: 'hitEpisode', section: 'hitSection', item: 'hitLink' } as const;

/** The archive's index, or, where there is none or it no longer loads, one of the episodes kept. */
async function openIndex(): Promise<{ search: ArchiveSearch; unreadable: number }> {
  const stored = await getSearchIndex();
  if (stored) {
    try {
      return { search: loadSearchIndex(stored), unreadable: 0 };
    } catch (error) {
      reportError('loading the archive index', error);
    }
  }
  const cached = await listCachedEpisodes();
  return { search: loadSearchIndex(buildSearchIndex(cached.records)), unreadable: cached.unreadable };
}

function Hit({ hit, readLater }: { hit: ArchiveHit; readLater: ReturnType<typeof useReadLater> }) {
  const post = postAddressOfPage(hit.episode.url);
  const keep = (link: ArchiveHit['links'][number]) =>
    readLater.toggle({
      url: link.url,
      text: link.text || link.url,
      context: hit.text,
      episodeId: episodeId(hit.episode.number, post?.slug ?? ''),
      episodeUrl: hit.episode.url,
      episodeTitle: hit.episode.title,
    });
  return (
    <li>
      <span class="kind">{t(KIND_LABELS[hit.kind])}</span>{' '}
      <a href={hit.target} target="_blank" rel="noopener noreferrer">
        {hit.kind === 'episode' ? episodeName(hit.episode) : hit.text}
      </a>
      {hit.kind !== 'episode' && (
        <>
          {' · '}
          <a class="hint" href={hit.episode.url} target="_blank" rel="noopener noreferrer">
            {episodeName(hit.episode)}
          </a>
        </>
      )}
      {hit.links.length > 0 && (
        <ul class="hit-links">
          {hit.links.map((link) => (
            <li key={link.url}>
              <a href={link.url} target="_blank" rel="noopener noreferrer">
                {link.text || link.url}
              </a>{' '}
              <button type="button" class="keep" aria-pressed={readLater.kept.has(link.url)} onClick={() => keep(link)}>
                {t('viewReadLater')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

export function SearchView() {
  const [index, setIndex] = useState<ArchiveSearch | null>(null);
  const [unreadable, setUnreadable] = useState(0);
  const [query, setQuery] = useState('');
  const readLater = useReadLater();
  useEffect(() => {
    openIndex().then(
      (opened) => {
        setIndex(opened.search);
        setUnreadable(opened.unreadable);
      },
      (error: unknown) => reportError('opening the search index', error),
    );
  }, []);
  const result = useMemo(() => (index ? index.search(query) : { hits: [], total: 0 }), [index, query]);

  return (
    <div class="search">
      <label for="search-query">{t('searchLabel')}</label>
      <input id="search-query" type="search" value={query} onInput={(event) => setQuery(event.currentTarget.value)} autoFocus />
      {!index && <p role="status">{t('loading')}</p>}
      {unreadable > 0 && <UnreadableRecords count={unreadable} />}
      {index && query.trim() !== '' && (
        <p role="status" class="hint">
          {t('searchCount', result.total, result.hits.length)}
        </p>
      )}
      <ul class="hits">
        {result.hits.map((hit, position) => (
          <Hit key={`${hit.target}-${position}`} hit={hit} readLater={readLater} />
        ))}
      </ul>
    </div>
  );
}
