/**
 * The Firefox build: as Mozilla's own linter (web-ext lint, the add-ons store's checks) sees it,
 * and as it runs in Debian's Firefox ESR, on the real pages, through the real toolbar popup.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect } from 'vitest';
import { inFirefox, it } from './support/fixtures';
import { flattenOutline } from '../../src/core/episode/model';
import { listedLinks } from '../../src/ui/linkFilter';
import { parsePostPage } from '../../src/platform/html/page';
import { documentOf, liveUrlOf, readPage } from '../support/corpus';
import type { PlayerState } from '../../src/core/player/state';
import { LCC_262, POSTS } from './support/pages';
import { click, text, until } from './support/firefox';

const ROOT = resolve(import.meta.dirname, '../..');
const FIREFOX_DIST = resolve(ROOT, 'dist/firefox');

interface LintReport {
  count: number;
  summary: { errors: number; notices: number; warnings: number };
  errors: { code: string; message: string }[];
  warnings: { code: string; message: string; file?: string }[];
}

describe('the Firefox build', () => {
  it('has an event page background and Gecko settings', () => {
    const manifest = JSON.parse(readFileSync(resolve(FIREFOX_DIST, 'manifest.json'), 'utf8'));
    expect(manifest.background.scripts).toHaveLength(1);
    expect(manifest.background.service_worker).toBeUndefined();
    expect(manifest.browser_specific_settings.gecko).toMatchObject({ id: expect.stringContaining('@'), strict_min_version: '142.0' });
  });

  it('passes web-ext lint with 0 errors and 0 warnings', () => {
    const run = spawnSync(
      resolve(ROOT, 'node_modules/.bin/web-ext'),
      ['lint', '--source-dir', FIREFOX_DIST, '--self-hosted=false', '--output=json'],
      {
        encoding: 'utf8',
      },
    );
    const report = JSON.parse(run.stdout) as LintReport;
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(report.summary).toEqual({ errors: 0, notices: 0, warnings: 0 });
  });
});

/** Clicks the button of the page or popup whose text is `name`. */
// Firefox here speaks English (Debian's build has no French language pack), and reaches no GitHub:
// the popup reads the page itself, as it does whenever GitHub cannot be reached.
inFirefox('the extension running in Firefox', () => {
  it('shows the episode of the page in the toolbar popup: number, outline and links', async ({ launchFirefox }) => {
    const session = await launchFirefox();
    // Read from the page, as the popup does without GitHub.
    const expected = parsePostPage(documentOf(readPage(`${POSTS.interview}.html`)), liveUrlOf(`${POSTS.interview}.html`));
    await session.openSitePage(LCC_262);
    await session.openPopup();
    const popup = session;
    await until(
      () => popup.evaluateInPopup<string | null>(text('.source-note')),
      (note) => typeof note === 'string' && note.includes('GitHub'),
    );
    expect(await popup.evaluateInPopup(text('.episode-number'))).toBe('LCC 262');
    expect(await popup.evaluateInPopup(`document.querySelectorAll('.outline-entry').length`)).toBe(flattenOutline(expected.outline).length);
    const listed = listedLinks(expected).length;
    // The links are a tab of their own, drawn once the first frame is painted: the source's
    // failure, asked for with the page's parse, may be told before.
    await until(
      () => popup.evaluateInPopup<number>(`document.querySelectorAll('a.link-open').length`),
      (count) => count === listed,
    );
    expect(await popup.evaluateInPopup(text('.links .count'))).toBe(`${listed} of ${listed}`);
  });

  it('keeps a link of the popup to read later, and lists it in the journal', async ({ launchFirefox }) => {
    const session = await launchFirefox();
    await session.openSitePage(LCC_262);
    await session.openPopup();
    await until(
      () => session.evaluateInPopup<number>(`document.querySelectorAll('li.link button.keep').length`),
      (count) => count > 0,
    );
    const kept = await session.evaluateInPopup<string>(
      `(() => { const link = document.querySelector('li.link'); link.querySelector('button.keep').click(); return link.querySelector('a.link-open').href; })()`,
    );
    await until(
      () => session.evaluateInPopup<string | null>(`document.querySelector('li.link button.keep').getAttribute('aria-pressed')`),
      (pressed) => pressed === 'true',
    );
    const journal = await session.openExtensionPage('options/index.html#readLater');
    await until(
      () => session.evaluate<string[]>(journal, `[...document.querySelectorAll('.read-later li.kept > a')].map((link) => link.href)`),
      (links) => links.length === 1 && links[0] === kept,
    );
  });

  it('keeps an episode marked listened in the popup in the journal, through export, clear and import', async ({ launchFirefox }) => {
    const session = await launchFirefox();
    await session.openSitePage(LCC_262);
    await session.openPopup();
    await until(
      () => session.evaluateInPopup<string | null>(text('.episode-number')),
      (number) => number === 'LCC 262',
    );
    await session.evaluateInPopup(click('Listened'));
    await until(
      () => session.evaluateInPopup<number>(`document.querySelectorAll('input[type="date"]').length`),
      (count) => count === 1,
    );

    const journal = await session.openExtensionPage('options/index.html#history');
    const historyNames = `[...document.querySelectorAll('.history .episode-name')].map((each) => each.textContent.trim())`;
    await until(
      () => session.evaluate<string[]>(journal, historyNames),
      (names) => names.length === 1 && names[0]!.startsWith('LCC 262'),
    );

    // Export: the file the page hands to the browser, kept as the page makes it.
    await session.evaluate(
      journal,
      `(() => { const make = URL.createObjectURL; URL.createObjectURL = (blob) => { window.lastExport = blob; return make(blob); }; location.hash = '#data'; return true; })()`,
    );
    await until(
      () => session.evaluate<string | null>(journal, text('#export-title')),
      (title) => title !== null,
    );
    await session.evaluate(journal, click('Export my journal'));
    const exported = await until(
      () => session.evaluate<string | null>(journal, `window.lastExport ? window.lastExport.text() : null`),
      (file) => file !== null,
    );
    expect(JSON.parse(exported!)).toMatchObject({ format: 'lcc-companion-export', listening: [{ episodeId: 'lcc-262' }] });

    await session.evaluate(journal, click('Clear my whole journal…'));
    await session.evaluate(journal, click('Yes, clear everything'));
    await until(
      () => session.evaluate<string | null>(journal, text('[role="status"]')),
      (status) => status === 'Journal cleared.',
    );

    await session.evaluate(
      journal,
      `(() => { const input = document.querySelector('#import-file'); const files = new DataTransfer();
        files.items.add(new File([${JSON.stringify(exported)}], 'lcc-companion-export.json', { type: 'application/json' }));
        input.files = files.files; input.dispatchEvent(new Event('change', { bubbles: true })); return true; })()`,
    );
    await until(
      () => session.evaluate<string | null>(journal, text('.preview-counts')),
      (counts) => counts?.includes('Episodes added: 1') ?? false,
    );
    await session.evaluate(journal, click('Import'));
    await until(
      () => session.evaluate<string | null>(journal, text('[role="status"]')),
      (status) => status === 'Import done. Undo the import',
    );
    await session.evaluate(journal, `(() => { location.hash = '#history'; return true; })()`);
    await until(
      () => session.evaluate<string[]>(journal, historyNames),
      (names) => names.length === 1 && names[0]!.startsWith('LCC 262'),
    );
  });

  it('plays an episode from the popup in the event page, on past the idle time that would unload it', async ({ launchFirefox }) => {
    // Firefox unloads an idle event page after 30 s; here after 8 s, so that the test need not wait long.
    const session = await launchFirefox({ prefs: { 'extensions.background.idle.timeout': 8_000 } });
    await session.openSitePage(LCC_262);
    await session.openPopup();
    await until(
      () => session.evaluateInPopup<boolean>(`[...document.querySelectorAll('button')].some((each) => each.textContent.trim() === 'Play')`),
      (shown) => shown,
    );
    await session.evaluateInPopup(click('Play'));
    const journal = await session.openExtensionPage('options/index.html#queue');
    const state = () =>
      session.evaluate<PlayerState>(journal, `browser.runtime.sendMessage({ type: 'player/command', command: { kind: 'state' } })`);
    await until(state, (player) => player.status === 'playing');
    expect(session.audioHost.route.requests).toBeGreaterThan(0);
    await until(
      () => session.evaluate<string | null>(journal, text('.player-title a')),
      (name) => name?.startsWith('LCC 262') ?? false,
    );

    // Nothing asks the background anything for longer than its idle time.
    await new Promise((wait) => setTimeout(wait, 12_000));
    const later = await state();
    expect(later.status).toBe('playing');
    expect(later.playable?.episodeId).toBe('lcc-262');
    expect(later.position).toBeGreaterThan(11);
  });
});
