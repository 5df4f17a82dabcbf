/** "À écouter ensuite": the episodes the player starts one after the other, in the listener's order. */
import { reportError } from '../src/errors';
import { formatClock, type Playable } from '../src/player/playable';
import { dequeue, moveInQueue } from '../src/player/queue';
import { saveQueue } from '../src/storage/playback';
import { episodeName } from '../src/ui/episodeName';
import { t } from '../src/ui/i18n';
import { resumePoint } from '../src/ui/player/PlayButtons';
import type { PlayerHandle } from '../src/ui/player/usePlayer';
import { usePlaybackRecords } from '../src/ui/player/usePlaybackRecords';

export function Queue({ player }: { player: PlayerHandle }) {
  const records = usePlaybackRecords();
  if (!records) return <p role="status">{t('loading')}</p>;
  const { queue, positions } = records;
  if (queue.length === 0) return <p class="empty">{t('queueEmpty')}</p>;
  const change = (next: Playable[]) => void saveQueue(next).catch((error: unknown) => reportError('changing the queue', error));
  return (
    <ol class="queue">
      {queue.map((item, index) => {
        const name = episodeName(item);
        const resumeAt = resumePoint(positions.get(item.episodeId));
        const playLabel = resumeAt === null ? t('playEpisodeOf', name) : t('resumeEpisodeAt', name, formatClock(resumeAt));
        return (
          <li key={item.episodeId} class="queue-item">
            <button
              type="button"
              class="icon-button play"
              aria-label={playLabel}
              title={playLabel}
              onClick={() => void player.command({ kind: 'play', playable: item })}
            >
              ▶
            </button>
            <a href={item.url} target="_blank" rel="noopener noreferrer">
              {name}
            </a>
            <span class="queue-tools">
              <button
                type="button"
                class="icon-button"
                disabled={index === 0}
                aria-label={t('queueUp', name)}
                title={t('queueUp', name)}
                onClick={() => change(moveInQueue(queue, item.episodeId, -1))}
              >
                ↑
              </button>
              <button
                type="button"
                class="icon-button"
                disabled={index === queue.length - 1}
                aria-label={t('queueDown', name)}
                title={t('queueDown', name)}
                onClick={() => change(moveInQueue(queue, item.episodeId, 1))}
              >
                ↓
              </button>
              <button
                type="button"
                class="icon-button"
                aria-label={t('queueRemove', name)}
                title={t('queueRemove', name)}
                onClick={() => change(dequeue(queue, item.episodeId))}
              >
                ×
              </button>
            </span>
          </li>
        );
      })}
    </ol>
  );
}
