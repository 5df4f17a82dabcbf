/**
 * A podcast app's history imported through the journal's file input, in Chromium, over the
 * corpus' archive: AntennaPod's database export and Overcast's OPML (test/fixtures, made by
 * scripts/make-app-fixtures.ts), a preview of what they bring, one undo, and a file refused.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import initSqlJs from 'sql.js';
import { expect } from 'vitest';
import { inChromium, it } from './support/fixtures';
import { SCREENSHOTS } from './support/screenshots';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

inChromium('a podcast app’s history in Chromium', () => {
  it('imports AntennaPod’s database with its days, undoes it, imports Overcast’s OPML, refuses another SQLite file', async ({ launch }) => {
    const session = await launch({ feed: true });
    const journal = await session.context.newPage();
    await journal.goto(`chrome-extension://${session.extensionId}/options/index.html#episodes`);
    // The archive names the show's episodes the files hold.
    await expect.poll(() => journal.locator('.episode-list .year .row').count(), { timeout: 30_000 }).toBeGreaterThan(200);
    await journal.goto(`chrome-extension://${session.extensionId}/options/index.html#data`);

    await journal.setInputFiles('#import-file', fixture('AntennaPodBackup-2026-11-30.db'));
    const preview = journal.locator('.preview');
    await expect.poll(() => preview.textContent(), { timeout: 20_000 }).toContain('Fichier AntennaPod, épisodes des Cast Codeurs :');
    expect(await preview.locator('.preview-counts').first().locator('li').allTextContents()).toEqual([
      'Écoutés : 7, dont 4 sans date',
      'Positions de lecture : 1',
      'Favoris : 2',
      'Dans la file d’attente : 2',
      'Épisodes d’autres podcasts, ignorés : 4',
      'Épisodes que l’archive ne connaît pas (encore), ignorés : 1',
    ]);
    expect(await preview.locator('.preview-counts').nth(1).textContent()).toContain('Épisodes ajoutés : 9');
    mkdirSync(SCREENSHOTS, { recursive: true });
    await journal.screenshot({ path: resolve(SCREENSHOTS, 'import-antennapod-preview.png'), fullPage: true });
    await journal.getByRole('button', { name: 'Importer', exact: true }).click();
    await expect.poll(() => journal.locator('p.ok').textContent()).toBe('Import terminé. Annuler l’import');

    const history = await session.context.newPage();
    await history.goto(`chrome-extension://${session.extensionId}/options/index.html#history`);
    await expect.poll(() => history.locator('.history .episode-name').count()).toBe(7);
    expect(await history.locator('.history h3').allTextContents()).toContain('Écoutés, date inconnue : 4');
    // Who said it: the file's app, after the day.
    await expect
      .poll(() => history.locator('.history .row', { hasText: 'LCC 340' }).locator('.heard-on, .mark-source').allTextContents())
      .toEqual([expect.stringMatching(/^Écouté le 2\d novembre 2026$/), 'selon AntennaPod (historique importé)']);
    await history.screenshot({ path: resolve(SCREENSHOTS, 'history-after-antennapod-import.png'), fullPage: true });
    await history.goto(`chrome-extension://${session.extensionId}/options/index.html#queue`);
    await expect.poll(() => history.locator('.queue li').count()).toBe(2);
    expect(await history.locator('.queue li').first().textContent()).toContain('LCC 335');

    await journal.getByRole('button', { name: 'Annuler l’import' }).click();
    await expect.poll(() => journal.locator('p.ok').textContent()).toBe('Import annulé : tout est revenu comme avant.');
    await history.goto(`chrome-extension://${session.extensionId}/options/index.html#history`);
    await expect.poll(() => history.locator('.empty').count()).toBe(1);

    await journal.setInputFiles('#import-file', fixture('overcast-all-data.opml'));
    await expect.poll(() => preview.textContent()).toContain('Fichier Overcast, épisodes des Cast Codeurs :');
    expect(await preview.locator('.preview-counts').first().locator('li').first().textContent()).toBe('Écoutés : 3, dont 2 sans date');
    await journal.getByRole('button', { name: 'Importer', exact: true }).click();
    await expect.poll(() => journal.locator('p.ok').textContent()).toBe('Import terminé. Annuler l’import');
    await history.reload();
    await expect.poll(() => history.locator('.history .episode-name').count()).toBe(3);

    const SQL = await initSqlJs();
    const other = new SQL.Database();
    other.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)');
    const otherPath = join(mkdtempSync(join(tmpdir(), 'lcc-sqlite-')), 'AntennaPodBackup-2026-11-30.db');
    writeFileSync(otherPath, other.export());
    await journal.setInputFiles('#import-file', otherPath);
    await expect
      .poll(() => journal.getByRole('alert').textContent())
      .toBe(
        'Ce fichier n’est pas une sauvegarde de la base d’AntennaPod (Feeds, FeedItems, FeedMedia, Favorites, Queue) : rien n’a été modifié.',
      );
    await history.reload();
    await expect.poll(() => history.locator('.history .episode-name').count()).toBe(3);
  });
});
