/**
 * "À lire": the links the listener kept from the notes, newest first, with their news item and
 * episode; opening one marks it read; read ones can be marked unread, any can be removed.
 */
import { recover } from '../../src/errors';
import { markRead, removeReadLater } from '../../src/platform/storage/reading';
import { formatDay, t } from '../../src/ui/i18n';
import { useReadLaterLinks } from '../../src/ui/useReadLater';
import { UnreadableRecords } from '../UnreadableRecords';
import { EmptyState } from '../../src/ui/EmptyState';
import { BookOpen } from 'lucide';

export function ReadLater() {
  const links = useReadLaterLinks();
  if (!links) return <p role="status">{t('loading')}</p>;
  const read = links.records.filter((link) => link.readAt !== null).length;
  return (
    <div class="read-later">
      {links.unreadable > 0 && <UnreadableRecords count={links.unreadable} />}
      {links.records.length === 0 ? (
        <EmptyState icon={BookOpen}>{t('readLaterEmpty')}</EmptyState>
      ) : (
        <p class="hint">{t('readLaterCount', links.records.length - read, read)}</p>
      )}
      <ul class="entries">
        {links.records.map((link) => (
          <li key={link.url} class={link.readAt ? 'kept read' : 'kept'}>
            <a
              href={link.url}
              target="_blank"
              rel="noopener noreferrer"
              onClick={() => void markRead(link.url, true).catch(recover('marking a link read', undefined))}
            >
              {link.text || link.url}
            </a>
            {link.context && link.context !== link.text && <p class="hint">{link.context}</p>}
            <span class="hint">
              <a href={link.episodeUrl} target="_blank" rel="noopener noreferrer">
                {link.episodeTitle || link.episodeId}
              </a>
              {link.readAt && <> · {t('readLaterReadOn', formatDay(link.readAt.slice(0, 10)))}</>}
            </span>{' '}
            <button type="button" onClick={() => void markRead(link.url, !link.readAt).catch(recover('marking a link read', undefined))}>
              {link.readAt ? t('readLaterMarkUnread') : t('readLaterMarkRead')}
            </button>{' '}
            <button type="button" onClick={() => void removeReadLater(link.url).catch(recover('removing a link to read', undefined))}>
              {t('readLaterRemove')}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
