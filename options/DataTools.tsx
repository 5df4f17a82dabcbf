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
  type ImportProblem,
} from '../src/storage/exportFile';
import { StoreError } from '../src/storage/store';
import { applyImport, clearEverything, exportEverything, readEverything } from '../src/storage/transfer';
import { t, type MessageKey } from '../src/ui/i18n';
import { storageFailureMessage } from '../src/ui/storageFailure';

const PROBLEM_MESSAGES: Record<ImportProblem, MessageKey> = {
  'too-large': 'importTooLarge',
  'not-json': 'importNotJson',
  'wrong-shape': 'importWrongShape',
  'newer-version': 'importNewerVersion',
  'bad-date': 'importBadDate',
};

function failureMessage(error: unknown): string {
  if (error instanceof ImportRefused) return t(PROBLEM_MESSAGES[error.problem], error.detail);
  if (error instanceof StoreError) return t(storageFailureMessage(error));
  return t('importFailed');
}

async function downloadExport(): Promise<void> {
  const file = await exportEverything();
  const url = URL.createObjectURL(new Blob([JSON.stringify(file, null, 1)], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = exportFileName();
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

type Step =
  | { kind: 'idle' }
  | { kind: 'preview'; file: ExportFile; mode: ImportMode; plan: ImportPlan }
  | { kind: 'done'; message: string }
  | { kind: 'error'; message: string }
  | { kind: 'confirm-clear' };

function ImportPreview({
  step,
  setMode,
  apply,
  cancel,
}: {
  step: Extract<Step, { kind: 'preview' }>;
  setMode: (mode: ImportMode) => void;
  apply: () => void;
  cancel: () => void;
}) {
  const { counts } = step.plan;
  return (
    <section class="preview" aria-labelledby="preview-title">
      <h3 id="preview-title">{t('importPreviewTitle')}</h3>
      <fieldset>
        <legend>{t('importModeLegend')}</legend>
        {(['merge', 'replace'] as const).map((mode) => (
          <label key={mode}>
            <input type="radio" name="import-mode" checked={step.mode === mode} onChange={() => setMode(mode)} />
            {t(mode === 'merge' ? 'importModeMerge' : 'importModeReplace')}
          </label>
        ))}
      </fieldset>
      <ul class="preview-counts">
        <li>{t('importNewStates', counts.newStates)}</li>
        <li>{t('importChangedStates', counts.changedStates)}</li>
        <li>{t('importNewEvents', counts.newEvents)}</li>
        <li>{t('importNewEpisodes', counts.newEpisodes)}</li>
        {step.mode === 'replace' && <li>{t('importRemovedStates', counts.removedStates)}</li>}
        {step.plan.settings && <li>{t('importSettingsReplaced')}</li>}
      </ul>
      <button type="button" class="primary" onClick={apply}>
        {t('importApply')}
      </button>{' '}
      <button type="button" onClick={cancel}>
        {t('cancel')}
      </button>
    </section>
  );
}

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
