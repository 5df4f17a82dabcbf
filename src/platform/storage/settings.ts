/**
 * The settings, one record: read whole, changed one field at a time.
 */
import { DEFAULT_SETTINGS, readRecord, settingsSchema, type Settings } from '../../core/records';
import { openStore, write } from './database';

function settingsOf(stored: unknown): Settings {
  return readRecord(settingsSchema, stored ?? {}) ?? DEFAULT_SETTINGS;
}

export async function getSettings(): Promise<Settings> {
  return settingsOf(await (await openStore()).get('settings', 'settings'));
}

/**
 * Changes the settings given and keeps the others as stored, in one transaction: the player's
 * speed set in the popup and the theme chosen in the journal, each from its own copy, both stay.
 */
export function updateSettings(change: Partial<Settings>): Promise<Settings> {
  return write({ episodeIds: [], settings: true }, async (database) => {
    const transaction = database.transaction('settings', 'readwrite');
    const next = { ...settingsOf(await transaction.store.get('settings')), ...change };
    await transaction.store.put(next, 'settings');
    await transaction.done;
    return next;
  });
}
