/**
 * A row of the listener's own lists (history, favourites): the episode's row, or, where no card of
 * it is kept (heard on a phone, neither in the archive nor visited here), its name and what the
 * list says of it.
 */
import type { ComponentChildren } from 'preact';
import type { JournalEntry } from '../src/core/log/journal';
import type { PlaybackRecords } from '../src/ui/player/usePlaybackRecords';
import type { PlayerHandle } from '../src/ui/player/usePlayer';
import { toastStorageFailure } from '../src/ui/storageFailure';
import { EpisodeLink } from './EpisodeLink';
import { EpisodeRowView } from './EpisodeRowView';

export interface EntryRowProps {
  entry: JournalEntry;
  player: PlayerHandle;
  playback: PlaybackRecords | undefined;
  /** What the list adds after the episode's facts. */
  detail?: ComponentChildren;
  /** Without a card: what the row's own facts would have said (the day heard), and what a toggle would have done. */
  bareFacts?: ComponentChildren;
  bareAction?: ComponentChildren;
}

export function EntryRowView({ entry: { state, card }, player, playback, detail, bareFacts, bareAction }: EntryRowProps) {
  if (card)
    return <EpisodeRowView row={{ card, state }} onFailure={toastStorageFailure} player={player} playback={playback} detail={detail} />;
  return (
    <li class="row">
      <span class="row-main">
        <EpisodeLink entry={{ state, card }} />
        <span class="row-meta">
          {bareFacts}
          {detail}
        </span>
      </span>
      {bareAction}
    </li>
  );
}
