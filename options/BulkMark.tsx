/**
 * Setting up the log in a minute: mark every episode up to LCC N listened, or the selection, with
 * a preview of how many change, then one undo that puts the log back exactly as it was.
 */
import { useState } from 'preact/hooks';
import { DAY_UNKNOWN } from '../src/core/records';
import { unheardUpTo, type EpisodeRow } from '../src/core/log/episodeList';
import { type BulkMark, markListenedInBulk, undoBulkMark } from '../src/platform/storage/bulkMarks';
import { formatNumber, t } from '../src/ui/i18n';

export function BulkMarkTools({
  folded = false,
  rows,
  selected,
  clearSelection,
  onFailure,
}: {
  /** Under a summary to open, where the page's first screen is for the episodes. */
  folded?: boolean;
  rows: EpisodeRow[];
  selected: EpisodeRow[];
  clearSelection: () => void;
  onFailure: (error: unknown) => void;
}) {
  const [upTo, setUpTo] = useState('');
  const [done, setDone] = useState<BulkMark | null>(null);
  const [undone, setUndone] = useState(false);
  const number = Number.parseInt(upTo, 10);
  const preview = Number.isSafeInteger(number) ? unheardUpTo(rows, number) : [];

  const mark = (targets: EpisodeRow[]) => {
    // Marked at once, they were heard on days no one can tell.
    markListenedInBulk(
      targets.map((row) => row.card.id),
      DAY_UNKNOWN,
    ).then((result) => {
      setDone(result);
      setUndone(false);
      clearSelection();
      setUpTo('');
    }, onFailure);
  };

  const upToForm = (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (preview.length > 0) mark(preview);
      }}
    >
      <label for="bulk-up-to">{t('bulkUpToLabel')}</label>{' '}
      <input
        id="bulk-up-to"
        type="number"
        min="0"
        inputMode="numeric"
        value={upTo}
        onInput={(event) => setUpTo(event.currentTarget.value)}
      />{' '}
      <button type="submit" disabled={preview.length === 0}>
        {t('bulkApply')}
      </button>
      {upTo !== '' && (
        <span class="hint" role="status">
          {' '}
          {t('bulkUpToPreview', preview.length)}
        </span>
      )}
    </form>
  );
  return (
    <section class="bulk" aria-label={t('bulkApply')}>
      {folded ? (
        <details class="bulk-fold">
          <summary>{t('bulkUpToSummary')}</summary>
          {upToForm}
        </details>
      ) : (
        upToForm
      )}
      {selected.length > 0 && (
        <button type="button" onClick={() => mark(selected)}>
          {t('bulkSelection', selected.length)}
        </button>
      )}
      {done && !undone && (
        <p role="status" class="ok">
          {t('bulkDone', formatNumber(done.before.length))}{' '}
          <button type="button" onClick={() => void undoBulkMark(done).then(() => setUndone(true), onFailure)}>
            {t('undo')}
          </button>
        </p>
      )}
      {undone && (
        <p role="status" class="ok">
          {t('bulkUndone')}
        </p>
      )}
    </section>
  );
}
