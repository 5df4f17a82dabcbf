/**
 * What the journal says while the archive of every episode is still on its way (a fresh install)
 * or could not come: never "0 écoutés sur 0" or "Tout est écouté !" before there is anything.
 */
import { t } from '../src/ui/i18n';
import { refreshArchiveNow, type ArchiveData } from './useArchive';

/** Whether the archive has any episode to show: until then, the views that count episodes wait for it. */
export function archiveHasArrived(archive: ArchiveData): archive is Extract<ArchiveData, { kind: 'ready' }> {
  return archive.kind === 'ready' && archive.cards.length > 0;
}

export function ArchiveArriving({ archive }: { archive: ArchiveData }) {
  const failure = archive.kind === 'ready' ? archive.feed?.failure : undefined;
  if (failure)
    return (
      <p role="alert" class="archive-arriving">
        {t('archiveFirstFailed', failure.problem)}{' '}
        <button type="button" onClick={refreshArchiveNow}>
          {t('retry')}
        </button>
      </p>
    );
  return (
    <p role="status" class="archive-arriving">
      {t('archiveArriving')}
    </p>
  );
}
