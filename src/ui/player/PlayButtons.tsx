/**
 * "Écouter" (or "Reprendre à 43:12" where the listener stopped) for one episode: in the popup a
 * labelled button with "À écouter ensuite" as an icon toggle beside it, on a row of the journal a
 * round icon button ringed by what was heard (its name then says which episode, to screen readers
 * and in the tooltip).
 */
import { reportError } from '../../errors';
import { formatClock, isPlayedOut, type Playable } from '../../core/player/playable';
import { dequeue, enqueue } from '../../core/player/queue';
import { updateQueue } from '../../platform/storage/playback';
import type { PlaybackPosition } from '../../core/records';
import { t } from '../i18n';
import { IconButton } from '../IconButton';
import { Icon } from '../Icon';
import { ListCheck, ListPlus, Play } from 'lucide';
import type { PlayerHandle } from './usePlayer';

/** Where to resume, unless the episode was never started or was played out. */
export function resumePoint(position: PlaybackPosition | undefined): number | null {
  if (!position || position.seconds < 1 || isPlayedOut(position.seconds, position.duration)) return null;
  return position.seconds;
}

/** An icon play button's name: "Écouter LCC 262 …", or "Reprendre LCC 262 … à 43:12". */
function playLabelOf(name: string, position: PlaybackPosition | undefined): string {
  const resumeAt = resumePoint(position);
  return resumeAt === null ? t('playEpisodeOf', name) : t('resumeEpisodeAt', name, formatClock(resumeAt));
}

/** Puts the episode in the queue, or takes it out. */
export function toggleQueued(playable: Playable, queued: boolean): void {
  updateQueue((queue) => (queued ? dequeue(queue, playable.episodeId) : enqueue(queue, playable))).catch((error: unknown) =>
    reportError('changing the queue', error),
  );
}

/** A ring as far round as `share` (0 to 1) of what was heard; none before the start. */
export function ProgressRing({ share }: { share: number }) {
  if (share <= 0) return null;
  const circumference = 2 * Math.PI * 17;
  return (
    <svg class="progress-ring" viewBox="0 0 40 40" aria-hidden="true" focusable="false">
      <circle cx="20" cy="20" r="17" pathLength={circumference} stroke-dasharray={`${share * circumference} ${circumference}`} />
    </svg>
  );
}

export interface PlayButtonsProps {
  playable: Playable;
  position: PlaybackPosition | undefined;
  player: PlayerHandle;
  queued: boolean;
}

export function PlayButtons({ playable, position, player, queued }: PlayButtonsProps) {
  const resumeAt = resumePoint(position);
  return (
    <>
      <button type="button" class="button primary play" onClick={() => player.command({ kind: 'play', playable })}>
        <Icon node={Play} size={18} />
        {resumeAt === null ? t('playEpisode') : t(position?.device ? 'resumeAtFromApp' : 'resumeAt', formatClock(resumeAt))}
      </button>
      <IconButton kind="toggle queue-toggle" label={t('queueAdd')} pressed={queued} onClick={() => toggleQueued(playable, queued)}>
        <Icon node={queued ? ListCheck : ListPlus} size={22} />
      </IconButton>
    </>
  );
}

export interface PlayButtonProps {
  playable: Playable;
  position: PlaybackPosition | undefined;
  player: PlayerHandle;
  /** The episode's name, which names the button. */
  name: string;
}

export function PlayButton({ playable, position, player, name }: PlayButtonProps) {
  const resumeAt = resumePoint(position);
  // The ring around the play button: how much of the episode was heard.
  const heard = resumeAt !== null && position?.duration ? Math.min(1, resumeAt / position.duration) : 0;
  return (
    <IconButton kind="play round" label={playLabelOf(name, position)} onClick={() => player.command({ kind: 'play', playable })}>
      <ProgressRing share={heard} />
      <Icon node={Play} size={18} />
    </IconButton>
  );
}
