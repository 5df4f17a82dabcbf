/** "À écouter ensuite": the episodes the player starts one after the other, in the listener's order. */
import { reportError } from '../../src/errors';
import type { Playable } from '../../src/core/player/playable';
import { dequeue, moveInQueue } from '../../src/core/player/queue';
import { updateQueue } from '../../src/platform/storage/playback';
import { episodeName } from '../../src/ui/episodeName';
import { t } from '../../src/ui/i18n';
import { IconButton } from '../../src/ui/IconButton';
import { MenuButton } from '../../src/ui/MenuButton';
import { PlayButton } from '../../src/ui/player/PlayButtons';
import type { PlayerHandle } from '../../src/ui/player/usePlayer';
import { usePlaybackRecords } from '../../src/ui/player/usePlaybackRecords';
import { useDragToReorder } from '../../src/ui/useDragToReorder';
import { EmptyState } from '../../src/ui/EmptyState';
import { BrowseEpisodes } from '../BrowseEpisodes';
import { Icon } from '../../src/ui/Icon';
import { ArrowDown, ArrowUp, EllipsisVertical, GripVertical, ListMusic, X } from 'lucide';

export function Queue({ player }: { player: PlayerHandle }) {
  const records = usePlaybackRecords();
  const queue = records?.queue ?? [];
  const change = (next: (current: Playable[]) => Playable[]) =>
    updateQueue(next).catch((error: unknown) => {
      reportError('changing the queue', error);
      throw error;
    });
  const moveBy = (episodeId: string, offset: number) => change((current) => moveInQueue(current, episodeId, offset));
  const drag = useDragToReorder(queue.map((item) => item.episodeId).join('\n'), (from, to) => moveBy(queue[from]!.episodeId, to - from));
  const run = (changing: Promise<unknown>) => void changing.catch(() => undefined);

  if (!records) return <p role="status">{t('loading')}</p>;
  if (queue.length === 0)
    return (
      <EmptyState icon={ListMusic} action={<BrowseEpisodes />}>
        {t('queueEmpty')}
      </EmptyState>
    );
  return (
    <ol class="rows queue">
      {queue.map((item, index) => {
        const name = episodeName(item);
        const first = index === 0;
        const last = index === queue.length - 1;
        const { style, dragged } = drag.row(index);
        const remove = () => run(change((current) => dequeue(current, item.episodeId)));
        return (
          <li key={item.episodeId} class={dragged ? 'row queue-item dragged' : 'row queue-item'} style={style}>
            <span class="drag-handle" aria-hidden="true" title={t('queueDragHint')} {...drag.handle(index)}>
              <Icon node={GripVertical} size={18} />
            </span>
            <span class="listen">
              <PlayButton playable={item} position={records.positions.get(item.episodeId)} player={player} name={name} />
            </span>
            <span class="row-main">
              <a class="episode-name" href={item.url} target="_blank" rel="noopener noreferrer">
                {name}
              </a>
            </span>
            <span class="state">
              <IconButton kind="toggle" label={t('queueUp', name)} disabled={first} onClick={() => run(moveBy(item.episodeId, -1))}>
                <Icon node={ArrowUp} size={18} />
              </IconButton>
              <IconButton kind="toggle" label={t('queueDown', name)} disabled={last} onClick={() => run(moveBy(item.episodeId, 1))}>
                <Icon node={ArrowDown} size={18} />
              </IconButton>
              <IconButton kind="toggle" label={t('queueRemove', name)} onClick={remove}>
                <Icon node={X} size={18} />
              </IconButton>
              <MenuButton
                label={t('episodeActions', name)}
                actions={[
                  ...(first ? [] : [{ label: t('queueToTop'), run: () => run(moveBy(item.episodeId, -index)) }]),
                  ...(last ? [] : [{ label: t('queueToBottom'), run: () => run(moveBy(item.episodeId, queue.length)) }]),
                  ...(first ? [] : [{ label: t('queueUpItem'), run: () => run(moveBy(item.episodeId, -1)), narrowOnly: true }]),
                  ...(last ? [] : [{ label: t('queueDownItem'), run: () => run(moveBy(item.episodeId, 1)), narrowOnly: true }]),
                  { label: t('queueRemoveItem'), run: remove },
                ]}
              >
                <Icon node={EllipsisVertical} size={22} />
              </MenuButton>
            </span>
          </li>
        );
      })}
    </ol>
  );
}
