/** The journal page ("Mon journal") with the real popup feeding it, in Chromium. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { inChromium, it } from './support/fixtures';
import { LCC_262 } from './support/pages';
import { keepDownloads, type ExtensionSession } from './support/browser';

/** LCC 262 marked listened in the real popup, as a listener would. */
async function markHeardInPopup(session: ExtensionSession): Promise<void> {
  const popup = await session.openPopup(await session.openSitePage(LCC_262));
  await expect.poll(() => popup.locator('.source-note').getAttribute('data-check')).toBe('done');
  await popup.getByRole('button', { name: 'Écouté' }).click();
  await expect.poll(() => popup.locator('input[type="date"]').count()).toBe(1);
}

inChromium('the journal in Chromium', () => {
  it('shows an episode marked listened in the popup, exports, clears, imports it back', async ({ launch }) => {
    const session = await launch();
    await markHeardInPopup(session);

    const journal = await session.context.newPage();
    const downloads = await keepDownloads(journal);
    await journal.goto(`chrome-extension://${session.extensionId}/options/index.html#history`);
    const historyEntry = journal.locator('.history a.episode-name', { hasText: 'Interview Cloud de Confiance' });
    await expect.poll(() => historyEntry.count()).toBe(1);
    expect(await historyEntry.getAttribute('href')).toBe(`https://lescastcodeurs.com${LCC_262}`);

    await journal.getByRole('link', { name: 'Réglages et données' }).click();
    await journal.getByRole('link', { name: 'Données', exact: true }).click();
    const download = journal.waitForEvent('download');
    await journal.getByRole('button', { name: 'Exporter mon journal' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^lcc-companion-export-\d{4}-\d{2}-\d{2}\.json$/);
    const exportPath = join(mkdtempSync(join(tmpdir(), 'lcc-export-')), file.suggestedFilename());
    writeFileSync(exportPath, await downloads.lastDownload());

    await journal.getByRole('button', { name: 'Effacer tout mon journal…' }).click();
    await journal.getByRole('button', { name: 'Oui, tout effacer' }).click();
    await expect.poll(() => journal.locator('#view').getByRole('status').textContent()).toBe('Journal effacé.');
    await journal.getByRole('link', { name: 'Mon écoute' }).click();
    await expect.poll(() => journal.locator('.empty').count()).toBe(1);

    await journal.getByRole('link', { name: 'Réglages et données' }).click();
    await journal.getByRole('link', { name: 'Données', exact: true }).click();
    await journal.setInputFiles('#import-file', exportPath);
    await expect.poll(() => journal.locator('.preview-counts').textContent()).toContain('Épisodes ajoutés : 1');
    await journal.getByRole('button', { name: 'Importer', exact: true }).click();
    await expect.poll(() => journal.locator('#view').getByRole('status').textContent()).toBe('Import terminé. Annuler l’import');
    await journal.getByRole('link', { name: 'Mon écoute' }).click();
    await expect.poll(() => historyEntry.count()).toBe(1);
  });

  it('draws its first frame from the copy this build kept, and checks one another build kept', async ({ launch }) => {
    const session = await launch();
    await markHeardInPopup(session);

    const journal = await session.context.newPage();
    const historyEntry = journal.locator('.history a.episode-name');
    await journal.goto(`chrome-extension://${session.extensionId}/options/index.html#history`);
    await expect.poll(() => historyEntry.textContent()).toContain('Interview Cloud de Confiance');
    const KEY = 'lcc-companion/journal-snapshot';
    const script = await journal.evaluate(() => document.querySelector<HTMLScriptElement>('script[type="module"]')!.src);
    await expect.poll(() => journal.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '{}').keptBy, KEY)).toBe(script);

    // A copy whose title says where it came from, and whose one stamp the schema refuses, put in as
    // the next load of the page begins: the page open until then keeps its copy again after each
    // read (the archive's check after its first paint), and could write over one put in before.
    const planted = (keptBy: string) =>
      journal.addInitScript(
        ([key, by, once]) => {
          if (sessionStorage.getItem(once!)) return;
          sessionStorage.setItem(once!, 'planted');
          const kept = JSON.parse(localStorage.getItem(key!)!);
          kept.keptBy = by;
          kept.copy.entries[0].card.title = 'Titre de la copie';
          kept.copy.entries[0].state.updatedAt = 'pas une date';
          localStorage.setItem(key!, JSON.stringify(kept));
        },
        [KEY, keptBy, `planted by ${keptBy}`],
      );
    // Every name the history shows, from its first frame on.
    await journal.addInitScript(() => {
      const seen: string[] = [];
      Object.assign(window, { namesSeen: seen });
      new MutationObserver(() => {
        for (const link of document.querySelectorAll('.history a.episode-name')) seen.push(link.textContent ?? '');
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
    const namesSeen = () => journal.evaluate(() => (window as unknown as { namesSeen: string[] }).namesSeen);

    await planted(script);
    await journal.reload();
    await expect.poll(() => historyEntry.textContent()).toContain('Interview Cloud de Confiance');
    expect((await namesSeen()).some((name) => name.includes('Titre de la copie'))).toBe(true);

    await planted(script.replace(/-[\w-]+\.js$/, '-older.js'));
    await journal.reload();
    await expect.poll(() => historyEntry.textContent()).toContain('Interview Cloud de Confiance');
    expect((await namesSeen()).some((name) => name.includes('Titre de la copie'))).toBe(false);
  });

  it('exports the log as CSV and Markdown, and imports the CSV back after a clear, with a preview', async ({ launch }) => {
    const session = await launch();
    const tab = await session.openSitePage(LCC_262);
    const popup = await session.openPopup(tab);
    await expect.poll(() => popup.locator('.source-note').getAttribute('data-check')).toBe('done');
    await popup.getByRole('button', { name: 'Écouté' }).click();
    await popup.getByRole('button', { name: 'Favori' }).click();
    await expect.poll(() => popup.getByRole('button', { name: 'Favori' }).getAttribute('aria-pressed')).toBe('true');

    const journal = await session.context.newPage();
    const downloads = await keepDownloads(journal);
    await journal.goto(`chrome-extension://${session.extensionId}/options/index.html#data`);

    let download = journal.waitForEvent('download');
    await journal.getByRole('button', { name: 'Exporter en Markdown' }).click();
    expect((await download).suggestedFilename()).toMatch(/^lcc-companion-export-\d{4}-\d{2}-\d{2}\.md$/);
    expect(await downloads.lastDownload()).toContain(
      '## LCC 262 - Interview Cloud de Confiance avec Quentin Adam\n\n- Page : <https://lescastcodeurs.com',
    );

    download = journal.waitForEvent('download');
    await journal.getByRole('button', { name: 'Exporter en CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.csv$/);
    const csv = await downloads.lastDownload();
    expect(csv.split('\r\n')[1]).toMatch(/^262,LCC 262 - Interview Cloud de Confiance avec Quentin Adam,https:\/\/lescastcodeurs\.com/);
    const csvPath = join(mkdtempSync(join(tmpdir(), 'lcc-csv-')), file.suggestedFilename());
    writeFileSync(csvPath, csv);

    await journal.getByRole('button', { name: 'Effacer tout mon journal…' }).click();
    await journal.getByRole('button', { name: 'Oui, tout effacer' }).click();
    await expect.poll(() => journal.locator('#view').getByRole('status').textContent()).toBe('Journal effacé.');
    await journal.setInputFiles('#import-file', csvPath);
    await expect.poll(() => journal.locator('.preview-counts').textContent()).toContain('Épisodes ajoutés : 1');
    await journal.getByRole('button', { name: 'Importer', exact: true }).click();
    await expect.poll(() => journal.locator('#view').getByRole('status').textContent()).toBe('Import terminé. Annuler l’import');
    await journal.getByRole('link', { name: 'Mon écoute' }).click();
    await journal.getByRole('link', { name: 'Favoris', exact: true }).click();
    await expect.poll(() => journal.locator('.rows .row').count()).toBe(1);
  });

  it('refuses a broken import file with a message and keeps the journal', async ({ launch }) => {
    const session = await launch();
    const tab = await session.openSitePage(LCC_262);
    const popup = await session.openPopup(tab);
    await popup.getByRole('button', { name: 'Favori' }).click();
    await expect.poll(() => popup.getByRole('button', { name: 'Favori' }).getAttribute('aria-pressed')).toBe('true');

    const journal = await session.context.newPage();
    await journal.goto(`chrome-extension://${session.extensionId}/options/index.html#data`);
    const broken = join(mkdtempSync(join(tmpdir(), 'lcc-import-')), 'broken.json');
    writeFileSync(broken, '{"format": "lcc-companion-export", "version": 1, ');
    await journal.setInputFiles('#import-file', broken);
    await expect.poll(() => journal.getByRole('alert').textContent()).toBe('Ce fichier n’est pas du JSON : rien n’a été modifié.');

    await journal.getByRole('link', { name: 'Mon écoute' }).click();
    await journal.getByRole('link', { name: 'Favoris', exact: true }).click();
    await expect.poll(() => journal.locator('.rows .row').count()).toBe(1);
  });
});
