/** One episode of the episode list: its number, title, date and length, and the listener's state, toggled in place. */
import { localToday } from '../src/core/text/dates';
import type { EpisodeRow } from '../src/core/log/episodeList';
import { audioSeconds } from '../src/core/log/journal';
import { formatClock } from '../src/core/player/playable';
import { DAY_UNKNOWN, playableOfCard, type ListeningState, type PlaybackPosition } from '../src/core/records';
import { updateListeningState } from '../src/platform/storage/listening';
import { episodeName } from '../src/ui/episodeName';
import { titleWithoutNumber } from '../src/ui/episodeTitle';
import { formatDay, listenedText, t } from '../src/ui/i18n';
import { PlayButtons, resumePoint } from '../src/ui/player/PlayButtons';
import type { PlayerHandle } from '../src/ui/player/usePlayer';
import { Icon } from '../src/ui/Icon';
import { showToast } from '../src/ui/Toast';
import { MenuButton } from '../src/ui/MenuButton';
import { reportError } from '../src/errors';
import { Circle, CircleCheck, EllipsisVertical, Star } from 'lucide';

function duration(bytes: number | null): string {
  if (!bytes) return '';
  const minutes = Math.round(audioSeconds(bytes) / 60);
  return t('durationHoursMinutes', Math.floor(minutes / 60), String(minutes % 60).padStart(2, '0'));
}

export interface RowProps {
  row: EpisodeRow;
  selected: boolean;
  /** The row's checkbox was clicked; with Shift, the range since the last one. */
  onSelect: (row: EpisodeRow, range: boolean) => void;
  onFailure: (error: unknown) => void;
  player: PlayerHandle;
  /** Where the listener stopped in this episode, if they started it in the player. */
  position: PlaybackPosition | undefined;
  queued: boolean;
  /** A new episode, come with an update, not opened yet. */
  arrived: boolean;
}

/** "en cours 43:12 / 1:12:30" for an episode started and not finished. */
function InProgress({ position }: { position: PlaybackPosition | undefined }) {
  const at = resumePoint(position);
  if (at === null || !position?.duration) return null;
  return <span class="in-progress">{t('inProgress', formatClock(at), formatClock(position.duration))}</span>;
}

export function EpisodeRowView({ row, selected, onSelect, onFailure, player, position, queued, arrived }: RowProps) {
  const { card, state } = row;
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
  const length = duration(card.audioBytes);
  return (
    <li class={heard ? 'row heard' : 'row'}>
      <label class="select">
        <input
          type="checkbox"
          checked={selected}
          aria-label={t('selectEpisode', name)}
          onClick={(event) => onSelect(row, event.shiftKey)}
        />
      </label>
      <span class="listen">
        {playable && <PlayButtons playable={playable} position={position} player={player} queued={queued} name={name} />}
      </span>
      <span class="row-main">
        <span class="row-heading">
          <a class="title" href={card.url} target="_blank" rel="noopener noreferrer">
            {card.number !== null && <span class="number">{card.number}</span>}
            {titleWithoutNumber(card.title, card.number)}
          </a>
          {arrived && <span class="new-chip">{t('episodeNew')}</span>}
        </span>
        <span class="row-meta">
          <span class="when">{formatDay(card.publishedOn)}</span>
          {length && <span class="length">{length}</span>}
          <InProgress position={position} />
          {state?.listenedOn && <span class="heard-on">{listenedText(state.listenedOn)}</span>}
          {state?.rating ? <span class="rating-value">{'★'.repeat(state.rating)}</span> : null}
          {state?.note ? <span class="has-note">{t('hasNote')}</span> : null}
        </span>
      </span>
      <span class="state">
        <button
          type="button"
          class="icon-button toggle heard-toggle"
          aria-pressed={heard}
          aria-label={t('listened')}
          title={state?.listenedOn ? listenedText(state.listenedOn) : t('listened')}
          onClick={() => markHeard((before) => (before ? null : localToday()))}
        >
          <Icon node={heard ? CircleCheck : Circle} size={22} />
        </button>
        <button
          type="button"
          class="icon-button toggle favourite-toggle"
          aria-pressed={Boolean(state?.bookmarkedAt)}
          aria-label={t('bookmarked')}
          title={t('bookmarked')}
          onClick={() => change((current) => ({ bookmarkedAt: current.bookmarkedAt ? null : new Date().toISOString() }))}
        >
          <Icon node={Star} size={22} />
        </button>
        <MenuButton
          label={t('episodeActions', name)}
          actions={[
            ...(state?.listenedOn === DAY_UNKNOWN ? [] : [{ label: t('markHeardDayUnknown'), run: () => markHeard(() => DAY_UNKNOWN) }]),
            { label: t('copyEpisodeLink'), run: copyLink },
          ]}
        >
          <Icon node={EllipsisVertical} size={22} />
        </MenuButton>
      </span>
    </li>
  );
}
