/** The episode's links by section, then by news item: the item once, then its links, each one click to open or copy. */
import { Fragment } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { CitingEpisode } from '../src/archive/citations';
import type { Episode } from '../src/episode/model';
import { MAX_EPISODE_LINKS } from '../src/episode/notes';
import { t } from '../src/ui/i18n';
import {
  conferenceSectionIds,
  filterLinks,
  groupLinks,
  markdownList,
  searchableLinks,
  sectionTitles,
  type NewsItem,
  type SearchableLink,
} from '../src/ui/linkFilter';
import { CopyButton } from './CopyButton';
import { moveFocus } from './moveFocus';
import { openLink } from './openLink';
import { useAlsoIn, type AlsoIn } from './useAlsoIn';
import { useOpenedLinks } from './useOpenedLinks';
import { useReadLater } from '../src/ui/useReadLater';
import { useCopy, type CopyState } from './useCopy';
import { useProgressiveLimit } from '../src/ui/useProgressiveLimit';

type Copy = (key: number, text: string) => void;

/** Links drawn in the first frame (the outline above them fills most of the first screen); the rest of the first page follows right after it. */
const FIRST_FRAME_LINKS = 12;
/**
 * Links drawn at once after that, and added by each "show more": drawing a few hundred keeps the
 * popup answering input at once, where thousands (a hostile source) froze it.
 */
const LINKS_PER_PAGE = 300;

/** "aussi dans LCC 287, 312": the other episodes that cite the link, each a link to its page. */
function AlsoInEpisodes({ episodes }: { episodes: CitingEpisode[] }) {
  return (
    <p class="also-in">
      {t('alsoIn')}{' '}
      {episodes.map((episode, position) => (
        <Fragment key={episode.url}>
          {position > 0 && ', '}
          <a href={episode.url} title={episode.title} onClick={(event) => openLink(event, episode.url)}>
            {episode.number === null ? episode.title : t('episodeNumber', episode.number)}
          </a>
        </Fragment>
      ))}
    </p>
  );
}

/** What each link of the list can do, and what is known of it, passed down as one. */
interface LinkActions {
  copied: CopyState;
  copy: Copy;
  alsoIn: AlsoIn;
  kept: ReadonlySet<string>;
  keep: (link: SearchableLink) => void;
  opened: ReadonlySet<string>;
  open: (event: MouseEvent, link: SearchableLink) => void;
}

function KeepButton({ link, actions }: { link: SearchableLink; actions: LinkActions }) {
  const kept = actions.kept.has(link.url);
  return (
    <button
      type="button"
      class="icon-button keep"
      aria-pressed={kept}
      aria-label={t('keepToReadOf', link.label)}
      title={t('keepToReadHint')}
      onClick={() => actions.keep(link)}
    >
      <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
        <path
          d="M4 2h8v12l-4-3-4 3z"
          fill={kept ? 'currentColor' : 'none'}
          stroke="currentColor"
          stroke-width="1.5"
          stroke-linejoin="round"
        />
      </svg>
    </button>
  );
}

function LinkItem({ link, actions }: { link: SearchableLink; actions: LinkActions }) {
  const citing = actions.alsoIn.get(link.url);
  return (
    <li class={actions.opened.has(link.url) ? 'link opened' : 'link'} data-index={link.index}>
      <a
        class="link-open"
        href={link.url}
        onClick={(event) => actions.open(event, link)}
        onAuxClick={(event) => event.button === 1 && actions.open(event, link)}
      >
        <span class="link-text">{link.label}</span>
        {!link.labelIsAddress && <span class="link-host">{link.host}</span>}
      </a>
      <span class="link-tools">
        <KeepButton link={link} actions={actions} />
        <CopyButton
          state={actions.copied?.key === link.index ? actions.copied : 'idle'}
          label={t('copyLink')}
          onCopy={() => actions.copy(link.index, link.url)}
        />
      </span>
      {citing && <AlsoInEpisodes episodes={citing} />}
    </li>
  );
}

function NewsItemLinks({ item, actions }: { item: NewsItem; actions: LinkActions }) {
  return (
    <li class="news-item">
      {item.text && <p class="news-text">{item.text}</p>}
      <ul class="news-links">
        {item.links.map((link) => (
          <LinkItem key={link.index} link={link} actions={actions} />
        ))}
      </ul>
    </li>
  );
}

function copyFeedback(copied: CopyState): string {
  if (!copied) return '';
  return copied.ok ? t('copied') : t('copyFailed');
}

export function LinkList({ episode }: { episode: Episode }) {
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
  };
  // The conference section's links are its table's (ConferenceTable), where its conferences were read.
  const all = useMemo(() => {
    const inTable = episode.conferences.length > 0 ? conferenceSectionIds(episode.outline) : new Set<string>();
    return searchableLinks(episode.links).filter((link) => link.sectionId === null || !inTable.has(link.sectionId));
  }, [episode]);
  const titles = useMemo(() => sectionTitles(episode.outline), [episode]);
  const visible = useMemo(() => filterLinks(all, query), [all, query]);
  const groups = useMemo(() => groupLinks(visible.slice(0, limit)), [visible, limit]);

  useEffect(() => {
    const focusFilterOnSlash = (event: KeyboardEvent) => {
      const typing = event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement;
      if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        filterRef.current?.focus();
      }
    };
    document.addEventListener('keydown', focusFilterOnSlash);
    return () => document.removeEventListener('keydown', focusFilterOnSlash);
  }, []);

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
    moveFocus(listRef.current, from, event.key === 'ArrowDown' ? 1 : -1, filterRef.current);
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
        {all.length === MAX_EPISODE_LINKS && <p class="empty">{t('linksCapped', MAX_EPISODE_LINKS)}</p>}
      </div>
    </section>
  );
}
