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
} from '../src/storage/exportFile';
import { applyImport, clearEverything, exportEverything, readEverything } from '../src/storage/transfer';
import { t } from '../src/ui/i18n';
import { failureMessage } from './dataFailure';
import { downloadFile } from './downloadFile';
import { ImportPreview } from './ImportPreview';

async function downloadExport(): Promise<void> {
  downloadFile(exportFileName(), JSON.stringify(await exportEverything(), null, 1), 'application/json');
}

type Step =
  | { kind: 'idle' }
  | { kind: 'preview'; file: ExportFile; mode: ImportMode; plan: ImportPlan }
  | { kind: 'done'; message: string }
  | { kind: 'error'; message: string }
  | { kind: 'confirm-clear' };

export function DataTools() {
  const [step, setStep] = useState<Step>({ kind: 'idle' });

  const preview = async (file: ExportFile, mode: ImportMode) =>
    setStep({ kind: 'preview', file, mode, plan: planImport(await readEverything(), file, mode) });

  const chooseFile = async (input: HTMLInputElement) => {
    const chosen = input.files?.[0];
    input.value = '';
    if (!chosen) return;
    try {
      if (chosen.size > MAX_IMPORT_BYTES) throw new ImportRefused('too-large', `${Math.ceil(chosen.size / 1024 / 1024)} MB`);
      await preview(readExportFile(await chosen.text(), chosen.size), 'merge');
    } catch (error) {
      setStep({ kind: 'error', message: failureMessage(error) });
    }
  };

  const apply = async (plan: ImportPlan) => {
    try {
      await applyImport(plan);
      setStep({ kind: 'done', message: t('importDone') });
    } catch (error) {
      setStep({ kind: 'error', message: failureMessage(error) });
    }
  };

  return (
    <div class="data-tools">
      <section aria-labelledby="export-title">
        <h3 id="export-title">{t('exportTitle')}</h3>
        <p class="hint">{t('exportHint')}</p>
        <button
          type="button"
          onClick={() => void downloadExport().catch((error) => setStep({ kind: 'error', message: failureMessage(error) }))}
        >
          {t('exportButton')}
        </button>
      </section>
      <section aria-labelledby="import-title">
        <h3 id="import-title">{t('importTitle')}</h3>
        <label for="import-file">{t('importChoose')}</label>
        <input id="import-file" type="file" accept="application/json,.json" onChange={(event) => void chooseFile(event.currentTarget)} />
        {step.kind === 'preview' && (
          <ImportPreview
            step={step}
            setMode={(mode) => void preview(step.file, mode)}
            apply={() => void apply(step.plan)}
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
              onClick={() =>
                void clearEverything()
                  .then(() => setStep({ kind: 'done', message: t('clearDone') }))
                  .catch((error) => setStep({ kind: 'error', message: failureMessage(error) }))
              }
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
