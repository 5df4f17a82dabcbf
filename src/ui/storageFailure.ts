import { StoreError } from '../platform/storage/database';
import { t, type MessageKey } from './i18n';
import { showToast } from './Toast';

/** What to tell the listener when storage fails; the store guarantees nothing was written. */
export function storageFailureMessage(error: unknown): MessageKey {
  return error instanceof StoreError && error.kind === 'quota' ? 'storageFull' : 'storageUnavailable';
}

/** A change the listener made could not be stored: a toast says so, where the view has no place of its own for it. */
export function toastStorageFailure(error: unknown): void {
  showToast({ text: t(storageFailureMessage(error)) });
}
