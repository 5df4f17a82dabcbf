/** "À écouter ensuite": the episodes the player starts one after the other, in the listener's order. */
import { reportError } from '../../src/errors';
import type { Playable } from '../../src/core/player/playable';
import { dequeue, moveInQueue } from '../../src/core/player/queue';
import { updateQueue } from '../../src/platform/storage/playback';
import { episodeName } from '../../src/ui/episodeName';
import { t } from '../../src/ui/i18n';
import { IconButton } from '../../src/ui/IconButton';
import { PlayButton } from '../../src/ui/player/PlayButtons';
import type { PlayerHandle } from '../../src/ui/player/usePlayer';
import { usePlaybackRecords } from '../../src/ui/player/usePlaybackRecords';
import { EmptyState } from '../../src/ui/EmptyState';
import { BrowseEpisodes } from '../BrowseEpisodes';
import { Icon } from '../../src/ui/Icon';
import { ArrowDown, ArrowUp, ListMusic, X } from 'lucide';

export function Queue({ player }: { player: PlayerHandle }) {
  const records = usePlaybackRecords();
  if (!records) return <p role="status">{t('loading')}</p>;
  const { queue, positions } = records;
  if (queue.length === 0)
    return (
      <EmptyState icon={ListMusic} action={<BrowseEpisodes />}>
        {t('queueEmpty')}
      </EmptyState>
    );
  const change = (next: (current: Playable[]) => Playable[]) => {
    updateQueue(next).catch((error: unknown) => reportError('changing the queue', error));
  };
  return (
    <ol class="rows queue">
      {queue.map((item, index) => {
        const name = episodeName(item);
        return (
          <li key={item.episodeId} class="row queue-item">
            <span class="listen">
              <PlayButton playable={item} position={positions.get(item.episodeId)} player={player} name={name} />
            </span>
            <span class="row-main">
              <a class="episode-name" href={item.url} target="_blank" rel="noopener noreferrer">
                {name}
              </a>
            </span>
            <span class="state">
              <IconButton
                label={t('queueUp', name)}
                disabled={index === 0}
                onClick={() => change((current) => moveInQueue(current, item.episodeId, -1))}
              >
                <Icon node={ArrowUp} size={18} />
              </IconButton>
              <IconButton
                label={t('queueDown', name)}
                disabled={index === queue.length - 1}
                onClick={() => change((current) => moveInQueue(current, item.episodeId, 1))}
              >
                <Icon node={ArrowDown} size={18} />
              </IconButton>
              <IconButton label={t('queueRemove', name)} onClick={() => change((current) => dequeue(current, item.episodeId))}>
                <Icon node={X} size={18} />
              </IconButton>
            </span>
          </li>
        );
      })}
    </ol>
  );
}
