/** What the data tools say when an import is refused or a write fails. */
import { ImportRefused, type ImportProblem } from '../src/core/formats/exportFile';
import { StoreError } from '../src/platform/storage/database';
import { t, type MessageKey } from '../src/ui/i18n';
import { storageFailureMessage } from '../src/ui/storageFailure';

const PROBLEM_MESSAGES: Record<ImportProblem, MessageKey> = {
  'too-large': 'importTooLarge',
  'not-json': 'importNotJson',
  'wrong-shape': 'importWrongShape',
  'newer-version': 'importNewerVersion',
  'bad-date': 'importBadDate',
  'not-antennapod': 'importNotAntennaPod',
  'not-overcast': 'importNotOvercast',
};

export function failureMessage(error: unknown): string {
  if (error instanceof ImportRefused) return t(PROBLEM_MESSAGES[error.problem], error.detail);
  if (error instanceof StoreError) return t(storageFailureMessage(error));
  return t('importFailed');
}
