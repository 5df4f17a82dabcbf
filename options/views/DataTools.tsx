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
} from '../../src/core/formats/exportFile';
import { localToday } from '../../src/core/text/dates';
import { csvImport, logCsv, readLogCsv } from '../../src/core/formats/csv';
import { logMarkdown } from '../../src/core/formats/markdown';
import type { EpisodeCard } from '../../src/core/records';
import { applyImport, clearEverything, exportEverything, readEverything, readLogEntries } from '../../src/platform/storage/transfer';
import { formatDay, t, type MessageKey } from '../../src/ui/i18n';
import { failureMessage } from '../dataFailure';
import { downloadFile } from '../downloadFile';
import { ImportPreview } from '../ImportPreview';

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

/** A CSV export (by its name, or its first column) or else the JSON one. */
function readImportFile(name: string, text: string, size: number): { file: ExportFile; cards: EpisodeCard[] } {
  if (/\.csv$/i.test(name) || /^\uFEFF?number,/.test(text)) return csvImport(readLogCsv(text));
  return { file: readExportFile(text, size), cards: [] };
}

const EXPORT_LABELS = { json: 'exportButton', csv: 'exportCsv', markdown: 'exportMarkdown' } as const satisfies Record<
  ExportFormat,
  MessageKey
>;

type Step =
  | { kind: 'idle' }
  | { kind: 'preview'; file: ExportFile; cards: EpisodeCard[]; mode: ImportMode; plan: ImportPlan }
  | { kind: 'done'; message: string }
  | { kind: 'error'; message: string }
  | { kind: 'confirm-clear' };

export function DataTools() {
  const [step, setStep] = useState<Step>({ kind: 'idle' });

  /** Every step that fails says why, and leaves what is stored as it was. */
  const failed = (error: unknown) => setStep({ kind: 'error', message: failureMessage(error) });

  const preview = async ({ file, cards }: { file: ExportFile; cards: EpisodeCard[] }, mode: ImportMode) =>
    setStep({ kind: 'preview', file, cards, mode, plan: planImport(await readEverything(), file, mode, cards) });

  const chooseFile = async (input: HTMLInputElement) => {
    const chosen = input.files?.[0];
    input.value = '';
    if (!chosen) return;
    if (chosen.size > MAX_IMPORT_BYTES) throw new ImportRefused('too-large', `${Math.ceil(chosen.size / 1024 / 1024)} MB`);
    await preview(readImportFile(chosen.name, await chosen.text(), chosen.size), 'merge');
  };

  const apply = async (plan: ImportPlan) => {
    await applyImport(plan);
    setStep({ kind: 'done', message: t('importDone') });
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
          accept="application/json,.json,text/csv,.csv"
          onChange={(event) => {
            chooseFile(event.currentTarget).catch(failed);
          }}
        />
        {step.kind === 'preview' && (
          <ImportPreview
            step={step}
            setMode={(mode) => {
              preview(step, mode).catch(failed);
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
