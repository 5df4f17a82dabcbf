/**
 * The first-run welcome, opened once at install (and found again from the settings): where the
 * listener stands, and the ways to set the log up from there, each one step away.
 */
import { useState } from 'preact/hooks';
import type { JournalEntry } from '../../src/core/log/journal';
import { t, type MessageKey } from '../../src/ui/i18n';
import { BulkMarkTools } from '../BulkMark';
import { useArchive } from '../useArchive';
import { useEpisodeRows } from '../useEpisodeRows';
import type { ViewName } from '.';
import { ArchiveArriving, archiveHasArrived } from '../ArchiveArriving';
import { storageFailureMessage } from '../../src/ui/storageFailure';

/** The ways set up in another view: the view, what it is called here, and what it takes. */
const WAYS: { view: ViewName; label: MessageKey; hint: MessageKey }[] = [
  { view: 'data', label: 'welcomeImport', hint: 'welcomeImportHint' },
  { view: 'settings', label: 'welcomeSync', hint: 'welcomeSyncHint' },
  { view: 'episodes', label: 'welcomeStartNow', hint: 'welcomeStartNowHint' },
];

export function Welcome({ entries }: { entries: JournalEntry[] }) {
  const archive = useArchive();
  const [failure, setFailure] = useState<MessageKey | null>(null);
  const rows = useEpisodeRows(archive, entries);
  return (
    <div class="welcome">
      <p class="lead">{t('welcomeIntro')}</p>
      <h3>{t('welcomeQuestion')}</h3>
      <ul class="welcome-choices">
        <li>
          <h4>{t('welcomeHeardUpTo')}</h4>
          {archiveHasArrived(archive) ? (
            <BulkMarkTools
              rows={rows}
              selected={[]}
              clearSelection={() => undefined}
              onFailure={(error) => setFailure(storageFailureMessage(error))}
            />
          ) : (
            <ArchiveArriving archive={archive} />
          )}
          {failure && (
            <p role="alert" class="error">
              {t(failure)}
            </p>
          )}
        </li>
        {WAYS.map(({ view, label, hint }) => (
          <li key={view}>
            <h4>
              <a href={`#${view}`}>{t(label)}</a>
            </h4>
            <p class="hint">{t(hint)}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
