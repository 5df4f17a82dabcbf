import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Episode } from '../src/episode/model';
import { MAX_EPISODE_LINKS } from '../src/episode/notes';
import { t } from '../src/ui/i18n';
import { filterLinks, groupBySection, markdownList, searchableLinks, sectionTitles, type SearchableLink } from '../src/ui/linkFilter';
import { openLink } from './openLink';

type CopyState = { index: number | 'all'; ok: boolean } | null;

function useCopy() {
  const [copied, setCopied] = useState<CopyState>(null);
  const copy = async (index: number | 'all', text: string) => {
    let ok = true;
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      ok = false;
    }
    setCopied({ index, ok });
    setTimeout(() => setCopied((current) => (current?.index === index ? null : current)), 1500);
  };
  return { copied, copy };
}

function copyLabel(copied: CopyState, index: number | 'all', idle: string): string {
  if (copied?.index !== index) return idle;
  return copied.ok ? t('copied') : t('copyFailed');
}

/** Arrow keys move between the links of the list; the filter hands over with ArrowDown. */
function moveFocus(list: HTMLElement | null, from: Element | null, step: 1 | -1, filter: HTMLInputElement | null) {
  const links = Array.from(list?.querySelectorAll<HTMLAnchorElement>('a.link-open') ?? []);
  if (links.length === 0) return;
  const position = links.indexOf(from as HTMLAnchorElement);
  if (position === -1) return links[step === 1 ? 0 : links.length - 1]!.focus();
  const next = position + step;
  if (next < 0) return filter?.focus();
  links[Math.min(next, links.length - 1)]!.focus();
}

function LinkItem({ link, copied, copy }: { link: SearchableLink; copied: CopyState; copy: (index: number, text: string) => void }) {
  return (
    <li class="link">
      <a
        class="link-open"
        href={link.url}
        onClick={(event) => openLink(event, link.url)}
        onAuxClick={(event) => event.button === 1 && openLink(event, link.url)}
      >
        <span class="link-text">{link.label}</span>
        <span class="link-host">{link.host}</span>
      </a>
      {link.detail && <p class="link-context">{link.detail}</p>}
      <button type="button" class="copy" onClick={() => copy(link.index, link.url)} title={t('copyLink')}>
        {copyLabel(copied, link.index, t('copyLink'))}
      </button>
    </li>
  );
}

/** Links drawn in the first frame; the rest of the first page follows right after it, below the fold. */
const FIRST_FRAME_LINKS = 30;
/**
 * Links drawn at once after that, and added by each "show more": drawing a few hundred keeps the
 * popup answering input at once, where thousands (a hostile source) froze it.
 */
const LINKS_PER_PAGE = 300;

/** How many links to draw: a first screenful, then a page once that has been painted, then more on demand. */
function useProgressiveLimit(): [number, () => void] {
  const [limit, setLimit] = useState(FIRST_FRAME_LINKS);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setLimit(LINKS_PER_PAGE));
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);
  return [limit, () => setLimit((current) => current + LINKS_PER_PAGE)];
}

export function LinkList({ episode }: { episode: Episode }) {
  const [query, setQuery] = useState('');
  const [limit, showMore] = useProgressiveLimit();
  const filterRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const { copied, copy } = useCopy();
  const all = useMemo(() => searchableLinks(episode.links), [episode]);
  const titles = useMemo(() => sectionTitles(episode.outline), [episode]);
  const visible = useMemo(() => filterLinks(all, query), [all, query]);
  const groups = useMemo(() => groupBySection(visible.slice(0, limit)), [visible, limit]);

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
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const from =
      event.target === filterRef.current ? null : ((event.target as Element).closest('li')?.querySelector('a.link-open') ?? null);
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
          </span>
        </h2>
        <button
          type="button"
          class="copy"
          title={t('copyVisibleLinksTitle')}
          disabled={visible.length === 0}
          onClick={() => copy('all', markdownList(visible))}
        >
          {copyLabel(copied, 'all', t('copyVisibleLinks'))}
        </button>
      </div>
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
          <section class="link-group" key={`${group.sectionId}-${group.links[0]!.index}`}>
            <h3>{group.sectionId === null ? t('introSection') : (titles.get(group.sectionId) ?? group.sectionId)}</h3>
            <ul>
              {group.links.map((link) => (
                <LinkItem key={link.index} link={link} copied={copied} copy={copy} />
              ))}
            </ul>
          </section>
        ))}
        {visible.length > limit && limit >= LINKS_PER_PAGE && (
          <button type="button" class="link-button show-more" onClick={showMore}>
            {t('showMore', Math.min(LINKS_PER_PAGE, visible.length - limit))}
          </button>
        )}
        {all.length === MAX_EPISODE_LINKS && <p class="empty">{t('linksCapped', MAX_EPISODE_LINKS)}</p>}
      </div>
    </section>
  );
}
