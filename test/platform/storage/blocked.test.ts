import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { DATABASE_NAME, upgrade, type CompanionSchema } from '../../../src/platform/storage/schema';
import { listListeningStates } from '../../../src/platform/storage/listening';

describe('an upgrade blocked by an older version still open', () => {
  it('fails at once with a storage error instead of waiting', async () => {
    // An old copy of the extension holding version 1 open and not letting go.
    const old = await openDB<CompanionSchema>(DATABASE_NAME, 1, {
      upgrade: (database, oldVersion, _newVersion, transaction) => upgrade(database, oldVersion, 1, transaction),
    });
    await expect(listListeningStates()).rejects.toMatchObject({ name: 'StoreError', kind: 'blocked' });
    old.close();
    // Once it is gone, the next use opens and upgrades the database.
    await expect(listListeningStates()).resolves.toEqual({ records: [], unreadable: 0 });
  });
});
