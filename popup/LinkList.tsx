/** The episode's links by section, then by news item: the item once, then its links, each one click to open or copy. */
import { useMemo, useRef, useState } from 'preact/hooks';
import type { Episode } from '../src/core/episode/model';
import { MAX_EPISODE_LINKS } from '../src/core/episode/notes';
import { t } from '../src/ui/i18n';
import { filterLinks, groupLinks, markdownList, closingLinks, listedLinks, sectionTitles, type SearchableLink } from '../src/ui/linkFilter';
import { useProgressiveLimit } from '../src/ui/useProgressiveLimit';
import { useReadLater } from '../src/ui/useReadLater';
import { moveFocus, useSlashFocuses } from '../src/ui/keyboard';
import { NewsItemLinks, type LinkActions } from './NewsItemLinks';
import { openLink } from './openLink';
import { useAlsoIn } from './useAlsoIn';
import { useCopy, type CopyState } from './useCopy';
import { useOpenedLinks } from './useOpenedLinks';

/** Links drawn in the first frame (the outline above them fills most of the first screen); the rest of the first page follows right after it. */
const FIRST_FRAME_LINKS = 12;
/**
 * Links drawn at once after that, and added by each "show more": drawing a few hundred keeps the
 * popup answering input at once, where thousands (a hostile source) froze it.
 */
const LINKS_PER_PAGE = 300;

function copyFeedback(copied: CopyState): string {
  if (!copied) return '';
  return copied.ok ? t('copied') : t('copyFailed');
}

/** `reveal`: shows the links' tab, for `/` to reach the filter from anywhere in the popup. */
export function LinkList({ episode, reveal }: { episode: Episode; reveal: () => void }) {
  const [query, setQuery] = useState('');
  const [limit, showMore] = useProgressiveLimit(FIRST_FRAME_LINKS, LINKS_PER_PAGE);
  const filterRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const { copied, copy } = useCopy();
  const alsoIn = useAlsoIn(episode);
  const readLater = useReadLater();
  const { opened, remember } = useOpenedLinks(episode.id);
  const keep = (link: SearchableLink) =>
    readLater.toggle({
      url: link.url,
      text: link.label,
      context: link.context,
      episodeId: episode.id,
      episodeUrl: episode.url,
      episodeTitle: episode.title,
    });
  const actions: LinkActions = {
    copied,
    copy,
    alsoIn,
    kept: readLater.kept,
    keep,
    opened,
    open: (event, link) => openLink(event, link.url, remember(link.url)),
    query,
  };
  const all = useMemo(() => listedLinks(episode), [episode]);
  const closing = useMemo(() => closingLinks(episode), [episode]);
  const titles = useMemo(() => sectionTitles(episode.outline), [episode]);
  const visible = useMemo(() => filterLinks(all, query), [all, query]);
  const groups = useMemo(() => groupLinks(visible.slice(0, limit)), [visible, limit]);

  useSlashFocuses(filterRef, reveal);

  const onKeyDown = (event: KeyboardEvent) => {
    const link = (event.target as Element).closest?.('li.link');
    if (
      (event.key === 'l' || event.key === 'L') &&
      !event.ctrlKey &&
      !event.metaKey &&
      !event.altKey &&
      link &&
      event.target !== filterRef.current
    ) {
      const index = Number(link.getAttribute('data-index'));
      const kept = all.find((each) => each.index === index);
      if (kept) keep(kept);
      return;
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const from =
      event.target === filterRef.current ? null : ((event.target as Element).closest('li.link')?.querySelector('a.link-open') ?? null);
    moveFocus(listRef.current, from, event.key === 'ArrowDown' ? 1 : -1, filterRef.current, 'a.link-open');
  };

  return (
    <section class="links" aria-labelledby="links-heading" onKeyDown={onKeyDown}>
      <div class="links-bar">
        {/* elementtiming marks the first paint of the episode's links, which `npm run bench` reads. */}
        <h2 id="links-heading" elementtiming="popup-links">
          {t('linksHeading')}{' '}
          <span class="count" aria-live="polite">
            {t('visibleLinks', visible.length, all.length)}
          </span>{' '}
          <span class="count">{t('linksOpened', all.filter((link) => opened.has(link.url)).length, all.length)}</span>
        </h2>
        <button
          type="button"
          class="copy"
          title={t('copyVisibleLinksTitle')}
          disabled={visible.length === 0}
          onClick={() => copy('all', markdownList(visible))}
        >
          {copied?.key === 'all' ? copyFeedback(copied) : t('copyVisibleLinks')}
        </button>
      </div>
      <p class="visually-hidden" role="status">
        {copyFeedback(copied)}
      </p>
      {all.length > 0 && (
        <input
          ref={filterRef}
          class="filter"
          type="search"
          value={query}
          aria-label={t('filterLabel')}
          placeholder={t('filterPlaceholder')}
          onInput={(event) => setQuery(event.currentTarget.value)}
        />
      )}
      <div ref={listRef}>
        {all.length === 0 && <p class="empty">{t('noLinks')}</p>}
        {all.length > 0 && visible.length === 0 && <p class="empty">{t('noLinkMatches')}</p>}
        {groups.map((group) => (
          <section class="link-group" key={`${group.sectionId}-${group.items[0]!.links[0]!.index}`}>
            <h3>{group.sectionId === null ? t('introSection') : (titles.get(group.sectionId) ?? group.sectionId)}</h3>
            <ul class="news-items">
              {group.items.map((item) => (
                <NewsItemLinks key={item.links[0]!.index} item={item} actions={actions} />
              ))}
            </ul>
          </section>
        ))}
        {visible.length > limit && limit >= LINKS_PER_PAGE && (
          <button type="button" class="link-button show-more" onClick={() => showMore(LINKS_PER_PAGE)}>
            {t('showMore', Math.min(LINKS_PER_PAGE, visible.length - limit))}
          </button>
        )}
        {episode.links.length === MAX_EPISODE_LINKS && <p class="empty">{t('linksCapped', MAX_EPISODE_LINKS)}</p>}
      </div>
      {closing.length > 0 && (
        <details class="closing-links">
          <summary>
            {titles.get(closing[0]!.sectionId!) ?? ''} <span class="count">{closing.length}</span>
          </summary>
          <ul>
            {closing.map((link) => (
              <li key={link.url}>
                <a href={link.url} onClick={(event) => openLink(event, link.url)}>
                  {link.text || link.url}
                </a>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
