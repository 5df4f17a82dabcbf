/** What the extension's database holds, read from one of its pages (they share it with the background). */
import type { Page } from 'playwright-core';

/** The records of a store of the extension's database. */
export function readStore(page: Page, store: string): Promise<unknown[]> {
  return page.evaluate(async (name) => {
    const opening = indexedDB.open('lcc-companion');
    const database = await new Promise<IDBDatabase>((done) => (opening.onsuccess = () => done(opening.result)));
    const reading = database.transaction(name).objectStore(name).getAll();
    const records = await new Promise<unknown[]>((done) => (reading.onsuccess = () => done(reading.result)));
    database.close();
    return records;
  }, store);
}
