/**
 * One news item of the popup's link list and its links: each with its text and host, a toggle to
 * keep it to read, a copy icon, and the other episodes that cite it. What the list knows and can
 * do comes in one `LinkActions`.
 */
import { Fragment } from 'preact';
import type { CitingEpisode } from '../src/core/archive/citations';
import { t } from '../src/ui/i18n';
import { Marked } from '../src/ui/Marked';
import type { NewsItem, SearchableLink } from '../src/ui/linkFilter';
import { CopyButton } from './CopyButton';
import { openLink } from './openLink';
import type { AlsoIn } from './useAlsoIn';
import type { CopyState } from './useCopy';

export type Copy = (key: number, text: string) => void;

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
export interface LinkActions {
  copied: CopyState;
  copy: Copy;
  alsoIn: AlsoIn;
  kept: ReadonlySet<string>;
  keep: (link: SearchableLink) => void;
  opened: ReadonlySet<string>;
  open: (event: MouseEvent, link: SearchableLink) => void;
  /** The filter's words, marked where the links and items hold them. */
  query: string;
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
        <span class="link-text">
          <Marked text={link.label} query={actions.query} />
        </span>
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

export function NewsItemLinks({ item, actions }: { item: NewsItem; actions: LinkActions }) {
  return (
    <li class="news-item">
      {item.text && (
        <p class="news-text">
          <Marked text={item.text} query={actions.query} />
        </p>
      )}
      <ul class="news-links">
        {item.links.map((link) => (
          <LinkItem key={link.index} link={link} actions={actions} />
        ))}
      </ul>
    </li>
  );
}
