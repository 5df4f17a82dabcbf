import { StoreError } from '../platform/storage/database';
import type { MessageKey } from './i18n';

/** What to tell the listener when storage fails; the store guarantees nothing was written. */
export function storageFailureMessage(error: unknown): MessageKey {
  return error instanceof StoreError && error.kind === 'quota' ? 'storageFull' : 'storageUnavailable';
}
