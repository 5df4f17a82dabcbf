import { useEffect, useMemo, useState } from 'preact/hooks';
import { buildSearchIndex, search, type SearchIndex } from '../src/journal/search';
import { listCachedEpisodes } from '../src/storage/store';
import { t } from '../src/ui/i18n';
import { labelAndDetail } from '../src/ui/linkFilter';
import { UnreadableRecords } from './UnreadableRecords';

const KIND_LABELS = { episode: 'hitEpisode', section: 'hitSection', link: 'hitLink' } as const;

export function SearchView() {
  const [index, setIndex] = useState<SearchIndex | null>(null);
  const [unreadable, setUnreadable] = useState(0);
  const [query, setQuery] = useState('');
  useEffect(() => {
    void listCachedEpisodes().then((cached) => {
      setIndex(buildSearchIndex(cached.records));
      setUnreadable(cached.unreadable);
    });
  }, []);
  const result = useMemo(() => (index ? search(index, query) : { hits: [], total: 0 }), [index, query]);

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
        {result.hits.map((hit, position) => {
          const { label, detail } =
            hit.kind === 'link'
              ? labelAndDetail({ url: hit.url, text: hit.text, context: hit.detail })
              : { label: hit.text, detail: hit.detail };
          return (
            <li key={`${hit.url}-${position}`}>
              <span class="kind">{t(KIND_LABELS[hit.kind])}</span>{' '}
              <a href={hit.url} target="_blank" rel="noopener noreferrer">
                {label}
              </a>
              {hit.kind !== 'episode' && (
                <>
                  {' · '}
                  <a class="hint" href={hit.episodeUrl} target="_blank" rel="noopener noreferrer">
                    {hit.episodeTitle}
                  </a>
                </>
              )}
              {detail && <p class="hint">{detail}</p>}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
