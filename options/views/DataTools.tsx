/** The journal's data: export, import (with a preview), clear everything. */
import { useState } from 'preact/hooks';
import {
  exportFileName,
  ImportRefused,
  MAX_IMPORT_BYTES,
  planImport,
  readExportFile,
  type ExportFile,
  type ImportMode,
  type ImportPlan,
  type StoredData,
} from '../../src/core/formats/exportFile';
import { appHistoryImport, type AppHistory } from '../../src/core/formats/appHistory';
import { isSqliteFile, readAntennaPodBackup } from '../../src/platform/apps/antennapod';
import { looksLikeOpml, readOvercastOpml } from '../../src/platform/apps/overcast';
import { listArchiveCards } from '../../src/platform/storage/archive';
import { localToday } from '../../src/core/text/dates';
import { csvImport, logCsv, readLogCsv } from '../../src/core/formats/csv';
import { logMarkdown } from '../../src/core/formats/markdown';
import type { EpisodeCard } from '../../src/core/records';
import {
  applyImport,
  clearEverything,
  exportEverything,
  readEverything,
  readLogEntries,
  restoreSnapshot,
  takeSnapshot,
  type Snapshot,
} from '../../src/platform/storage/transfer';
import { formatDay, t, type MessageKey } from '../../src/ui/i18n';
import { failureMessage } from '../dataFailure';
import { downloadFile } from '../downloadFile';
import { ImportPreview, type AppSummary } from '../ImportPreview';

type ExportFormat = 'json' | 'csv' | 'markdown';

async function downloadExport(format: ExportFormat): Promise<void> {
  const name = exportFileName();
  if (format === 'json') return downloadFile(name, JSON.stringify(await exportEverything(), null, 1), 'application/json');
  const entries = await readLogEntries();
  if (format === 'csv') return downloadFile(name.replace(/\.json$/, '.csv'), logCsv(entries), 'text/csv;charset=utf-8');
  const kept = entries.filter(
    ({ state, readLater }) => state.listenedOn !== null || state.bookmarkedAt !== null || readLater.length > 0,
  ).length;
  const markdown = logMarkdown(entries, {
    title: t('markdownTitle'),
    intro: t('markdownIntro', formatDay(localToday()), kept),
    page: t('markdownPage'),
    published: t('markdownPublished'),
    listenedOn: t('markdownListenedOn'),
    dayUnknown: t('dayUnknown'),
    bookmarkedOn: t('markdownBookmarkedOn'),
    rating: t('markdownRating'),
    note: t('markdownNote'),
    toRead: t('viewReadLater'),
  });
  downloadFile(name.replace(/\.json$/, '.md'), markdown, 'text/markdown;charset=utf-8');
}

/** A file chosen to import: this extension's own (JSON or CSV), or a podcast app's history. */
type ChosenFile = { kind: 'export'; file: ExportFile; cards: EpisodeCard[] } | { kind: 'app'; history: AppHistory };

/** An AntennaPod database (by its first bytes), an OPML (Overcast's), a CSV export (by its name or first column), else the JSON one. */
async function readImportFile(chosen: File): Promise<ChosenFile> {
  const limit = isSqliteFile(new Uint8Array(await chosen.slice(0, 16).arrayBuffer())) ? MAX_APP_DATABASE_BYTES : MAX_IMPORT_BYTES;
  if (chosen.size > limit) throw new ImportRefused('too-large', `${Math.ceil(chosen.size / 1024 / 1024)} MB`);
  if (limit === MAX_APP_DATABASE_BYTES) {
    const [{ loadSqlite }, bytes] = await Promise.all([import('../../src/platform/apps/sqlite'), chosen.arrayBuffer()]);
    return { kind: 'app', history: readAntennaPodBackup(new Uint8Array(bytes), await loadSqlite()) };
  }
  const text = await chosen.text();
  if (looksLikeOpml(text)) return { kind: 'app', history: readOvercastOpml(text, new DOMParser()) };
  if (/\.csv$/i.test(chosen.name) || /^\uFEFF?number,/.test(text)) return { kind: 'export', ...csvImport(readLogCsv(text)) };
  return { kind: 'export', file: readExportFile(text, chosen.size), cards: [] };
}

/** An app's database holds every podcast's episodes with their notes: larger than an export of this one show. */
const MAX_APP_DATABASE_BYTES = 300 * 1024 * 1024;

/** The import file a chosen file makes in `mode`: an app's history lands on what is stored (merge) or alone (replace). */
async function importOf(chosen: ChosenFile, stored: StoredData, mode: ImportMode) {
  if (chosen.kind === 'export') return { file: chosen.file, cards: chosen.cards, summary: null };
  const archive = (await listArchiveCards()).records;
  const { file, summary } = appHistoryImport(chosen.history, archive, mode === 'merge' ? stored.listening : [], new Date());
  return { file, cards: [], summary: { app: chosen.history.app, ...summary } };
}

const EXPORT_LABELS = { json: 'exportButton', csv: 'exportCsv', markdown: 'exportMarkdown' } as const satisfies Record<
  ExportFormat,
  MessageKey
>;

type Step =
  | { kind: 'idle' }
  | { kind: 'reading' }
  | { kind: 'preview'; chosen: ChosenFile; mode: ImportMode; plan: ImportPlan; summary: AppSummary | null }
  | { kind: 'done'; message: string; undo?: Snapshot }
  | { kind: 'error'; message: string }
  | { kind: 'confirm-clear' };

export function DataTools() {
  const [step, setStep] = useState<Step>({ kind: 'idle' });

  /** Every step that fails says why, and leaves what is stored as it was. */
  const failed = (error: unknown) => setStep({ kind: 'error', message: failureMessage(error) });

  const preview = async (chosen: ChosenFile, mode: ImportMode) => {
    const stored = await readEverything();
    const { file, cards, summary } = await importOf(chosen, stored, mode);
    setStep({ kind: 'preview', chosen, mode, plan: planImport(stored, file, mode, cards), summary });
  };

  const chooseFile = async (input: HTMLInputElement) => {
    const chosen = input.files?.[0];
    input.value = '';
    if (!chosen) return;
    setStep({ kind: 'reading' });
    await preview(await readImportFile(chosen), 'merge');
  };

  const apply = async (plan: ImportPlan) => {
    // What was there before, to put back in one click.
    const before = await takeSnapshot();
    await applyImport(plan);
    setStep({ kind: 'done', message: t('importDone'), undo: before });
  };

  const undo = async (before: Snapshot) => {
    await restoreSnapshot(before);
    setStep({ kind: 'done', message: t('importUndone') });
  };

  return (
    <div class="data-tools">
      <section aria-labelledby="export-title">
        <h3 id="export-title">{t('exportTitle')}</h3>
        <p class="hint">{t('exportHint')}</p>
        {(['json', 'csv', 'markdown'] as const).map((format) => (
          <button
            key={format}
            type="button"
            onClick={() => {
              downloadExport(format).catch(failed);
            }}
          >
            {t(EXPORT_LABELS[format])}
          </button>
        ))}
      </section>
      <section aria-labelledby="import-title">
        <h3 id="import-title">{t('importTitle')}</h3>
        <label for="import-file">{t('importChoose')}</label>
        <input
          id="import-file"
          type="file"
          accept="application/json,.json,text/csv,.csv,.db,application/vnd.sqlite3,.opml,text/x-opml,application/xml"
          onChange={(event) => {
            chooseFile(event.currentTarget).catch(failed);
          }}
        />
        <p class="hint" id="import-hint">
          {t('importAppsHint')}
        </p>
        {step.kind === 'reading' && <p role="status">{t('importReading')}</p>}
        {step.kind === 'preview' && (
          <ImportPreview
            step={step}
            setMode={(mode) => {
              preview(step.chosen, mode).catch(failed);
            }}
            apply={() => {
              apply(step.plan).catch(failed);
            }}
            cancel={() => setStep({ kind: 'idle' })}
          />
        )}
      </section>
      <section aria-labelledby="clear-title">
        <h3 id="clear-title">{t('clearTitle')}</h3>
        {step.kind === 'confirm-clear' ? (
          <div role="alertdialog" aria-labelledby="clear-confirm">
            <p id="clear-confirm">{t('clearConfirm')}</p>
            <button
              type="button"
              class="danger"
              onClick={() => {
                clearEverything()
                  .then(() => setStep({ kind: 'done', message: t('clearDone') }))
                  .catch((error) => setStep({ kind: 'error', message: failureMessage(error) }));
              }}
            >
              {t('clearYes')}
            </button>{' '}
            <button type="button" onClick={() => setStep({ kind: 'idle' })}>
              {t('cancel')}
            </button>
          </div>
        ) : (
          <button type="button" class="danger" onClick={() => setStep({ kind: 'confirm-clear' })}>
            {t('clearButton')}
          </button>
        )}
      </section>
      {step.kind === 'done' && (
        <p role="status" class="ok">
          {step.message}
          {step.undo && (
            <>
              {' '}
              <button
                type="button"
                onClick={() => {
                  undo(step.undo!).catch(failed);
                }}
              >
                {t('importUndo')}
              </button>
            </>
          )}
        </p>
      )}
      {step.kind === 'error' && (
        <p role="alert" class="error">
          {step.message}
        </p>
      )}
    </div>
  );
}
