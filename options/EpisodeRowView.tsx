/** One episode of a list of the journal: its number, title, date and length, and the listener's state, toggled in place. */
import { localToday } from '../src/core/text/dates';
import type { EpisodeRow } from '../src/core/log/episodeList';
import { audioSeconds } from '../src/core/log/journal';
import { formatClock } from '../src/core/player/playable';
import { DAY_UNKNOWN, playableOfCard, type ListeningState, type PlaybackPosition } from '../src/core/records';
import { updateListeningState } from '../src/platform/storage/listening';
import { episodeName } from '../src/ui/episodeName';
import { titleWithoutNumber } from '../src/ui/episodeTitle';
import { formatDay, listenedText, t } from '../src/ui/i18n';
import { PlayButton, resumePoint, toggleQueued } from '../src/ui/player/PlayButtons';
import type { PlayerHandle } from '../src/ui/player/usePlayer';
import { isQueued, type PlaybackRecords } from '../src/ui/player/usePlaybackRecords';
import { Icon } from '../src/ui/Icon';
import { showToast } from '../src/ui/Toast';
import { MenuButton, type MenuAction } from '../src/ui/MenuButton';
import { reportError } from '../src/errors';
import { useFirstScreenful } from '../src/ui/useFirstScreenful';
import { Check, EllipsisVertical, Star } from 'lucide';
import { FavouriteToggle, HeardToggle } from '../src/ui/ListeningToggles';
import type { ComponentChildren } from 'preact';

/** The least a row's height can be: its 44 px touch targets and their padding. */
const ROW_MIN_HEIGHT = 60;

/** The rows a list of the journal draws in its first frame, and the ref for its first section of rows. */
export function useFirstFrameRows(list: 'episodes' | 'history') {
  return useFirstScreenful(list, ROW_MIN_HEIGHT);
}

function duration(bytes: number | null): string {
  if (!bytes) return '';
  const minutes = Math.round(audioSeconds(bytes) / 60);
  return t('durationHoursMinutes', Math.floor(minutes / 60), String(minutes % 60).padStart(2, '0'));
}

export interface RowProps {
  row: EpisodeRow;
  onFailure: (error: unknown) => void;
  player: PlayerHandle;
  /** Where the listener stopped in each episode, and the queue: undefined until read. */
  playback: PlaybackRecords | undefined;
  /** A new episode, come with an update, not opened yet. */
  arrived?: boolean;
  /** The catalogue's selection: whether the row is selected, and its checkbox clicked (with Shift, the range since the last one). */
  selected?: boolean;
  onSelect?: (row: EpisodeRow, range: boolean) => void;
  /** The title as this list shows it (the search marks the words found in it). */
  title?: ComponentChildren;
  /** What this list adds on the episode after its date and length: who marked it heard, when it was kept. */
  detail?: ComponentChildren;
  /** Under the row, across its width: the passages a search found. */
  children?: ComponentChildren;
}

/** "en cours 43:12 / 1:12:30" for an episode started and not finished. */
function InProgress({ position }: { position: PlaybackPosition | undefined }) {
  const at = resumePoint(position);
  if (at === null || !position?.duration) return null;
  return <span class="in-progress">{t('inProgress', formatClock(at), formatClock(position.duration))}</span>;
}

/**
 * The same row in every list of the journal: play (ringed by what was heard), the number and
 * title, the date, length and where the listener is in grey, ✓ and ★ as toggles, one menu for
 * the rest. On a phone the toggles go into the menu, and the marks stay as icons by the date:
 * the title keeps the row's width.
 */
export function EpisodeRowView(props: RowProps) {
  const { row, onFailure, player, playback, arrived, selected, onSelect, title, detail, children } = props;
  const { card, state } = row;
  const position = playback?.positions.get(card.id);
  const queued = isQueued(playback, card.id);
  const playable = playableOfCard(card);
  const name = episodeName(card);
  const change = (update: Parameters<typeof updateListeningState>[1]) => {
    updateListeningState({ id: card.id }, update).catch(onFailure);
  };
  // A toast has room for the number alone.
  const shortName = card.number === null ? name : t('episodeNumber', card.number);
  // Taking the mark off erases the day it was heard: the toast offers it back, as it does any mark.
  const markHeard = (next: (before: ListeningState['listenedOn']) => ListeningState['listenedOn']) => {
    let before: ListeningState['listenedOn'] = null;
    let after: ListeningState['listenedOn'] = null;
    updateListeningState({ id: card.id }, (current) => {
      before = current.listenedOn;
      after = next(before);
      return { listenedOn: after };
    })
      .then(() =>
        showToast({
          text: t(after === null ? 'heardUnmarked' : after === DAY_UNKNOWN ? 'heardMarkedDayUnknown' : 'heardMarked', shortName),
          action: { label: t('undo'), run: () => change(() => ({ listenedOn: before })) },
        }),
      )
      .catch(onFailure);
  };
  const toggleHeard = () => markHeard((before) => (before ? null : localToday()));
  const toggleBookmark = () => change((current) => ({ bookmarkedAt: current.bookmarkedAt ? null : new Date().toISOString() }));
  const copyLink = () => {
    navigator.clipboard.writeText(card.url).then(
      () => showToast({ text: t('episodeLinkCopied', shortName) }),
      (error: unknown) => {
        reportError('copying an episode link', error);
        showToast({ text: t('copyFailed') });
      },
    );
  };
  const heard = Boolean(state?.listenedOn);
  const bookmarked = Boolean(state?.bookmarkedAt);
  const length = duration(card.audioBytes);
  const actions: MenuAction[] = [
    { label: t(heard ? 'markUnheard' : 'markHeard'), run: toggleHeard, narrowOnly: true },
    ...(state?.listenedOn === DAY_UNKNOWN ? [] : [{ label: t('markHeardDayUnknown'), run: () => markHeard(() => DAY_UNKNOWN) }]),
    { label: t(bookmarked ? 'bookmarkRemove' : 'bookmarkAdd'), run: toggleBookmark, narrowOnly: true },
    ...(playable ? [{ label: t(queued ? 'queueRemoveItem' : 'queueAddItem'), run: () => toggleQueued(playable, queued) }] : []),
    { label: t('copyEpisodeLink'), run: copyLink },
  ];
  return (
    <li class={heard ? 'row heard' : 'row'}>
      {onSelect && (
        <label class="select">
          <input
            type="checkbox"
            checked={selected}
            aria-label={t('selectEpisode', name)}
            onClick={(event) => onSelect(row, event.shiftKey)}
          />
        </label>
      )}
      <span class="listen">{playable && <PlayButton playable={playable} position={position} player={player} name={name} />}</span>
      <span class="row-main">
        <span class="row-heading">
          <a class="episode-name" href={card.url} target="_blank" rel="noopener noreferrer">
            {card.number !== null && (
              <span class="episode-number">
                <span class="visually-hidden">{t('showInitials')} </span>
                {card.number}
              </span>
            )}{' '}
            {title ?? titleWithoutNumber(card.title, card.number)}
          </a>
          {arrived && <span class="new-chip">{t('episodeNew')}</span>}
        </span>
        <span class="row-meta">
          {(heard || bookmarked) && (
            <span class="marks">
              {heard && <Icon node={Check} size={16} class="heard-mark" />}
              {bookmarked && <Icon node={Star} size={16} class="bookmark-mark" />}
            </span>
          )}
          <span class="when">{formatDay(card.publishedOn)}</span>
          {length && <span class="length">{length}</span>}
          <InProgress position={position} />
          {state?.listenedOn && <span class="heard-on">{listenedText(state.listenedOn)}</span>}
          {state?.rating ? <span class="rating-value">{'★'.repeat(state.rating)}</span> : null}
          {state?.note ? <span class="has-note">{t('hasNote')}</span> : null}
          {detail}
        </span>
      </span>
      <span class="state">
        <HeardToggle listenedOn={state?.listenedOn ?? null} onToggle={toggleHeard} />
        <FavouriteToggle bookmarked={bookmarked} onToggle={toggleBookmark} />
        <MenuButton label={t('episodeActions', name)} actions={actions}>
          <Icon node={EllipsisVertical} size={22} />
        </MenuButton>
      </span>
      {children}
    </li>
  );
}
